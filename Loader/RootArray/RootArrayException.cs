using System;

namespace Ebpf.Loader.RootArray
{
    /// <summary>A root array command refused or failed, with a one-line message meant for the user.</summary>
    public sealed class RootArrayException : Exception
    {
        /// <summary>Creates the error.</summary>
        public RootArrayException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
