using System;

namespace Ebpf.Loader.Filter
{
    /// <summary>A filter command that cannot be done as asked (unknown interface, filter not loaded, bad prefix,
    /// prefix not listed); the message is one line for the user. Kernel state is unchanged.</summary>
    public sealed class FilterException : Exception
    {
        /// <summary>Creates the error.</summary>
        /// <param name="message">What went wrong, naming the argument.</param>
        /// <param name="inner">The underlying error, if any.</param>
        public FilterException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
