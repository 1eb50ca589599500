using System;
using Ebpf.Asm;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// IR the backend cannot compile for the target (e.g. signed division on cpu v3, a jump out of s16 range);
    /// the front end turns it into a diagnostic at <see cref="Location"/>.
    /// </summary>
    public class BackendException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public BackendException(string functionName, string message, SourceLocation? location)
            : base(location is null ? $"@{functionName}: {message}" : $"{location}: @{functionName}: {message}")
        {
            FunctionName = functionName;
            Location = location;
        }

        /// <summary>The function being compiled.</summary>
        public string FunctionName { get; }

        /// <summary>The source location of the offending construct, when known.</summary>
        public SourceLocation? Location { get; }
    }
}
