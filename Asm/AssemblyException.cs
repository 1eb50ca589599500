using System;
using System.Collections.Generic;
using System.Linq;

namespace Ebpf.Asm
{
    /// <summary>
    /// Assembly text had errors. <see cref="File"/>, <see cref="Line"/> and <see cref="Column"/> name the first;
    /// <see cref="Errors"/> lists all of them, and the message has one <c>file:line:column: error: …</c> line per error.
    /// </summary>
    public sealed class AssemblyException : FormatException
    {
        /// <summary>Creates the exception from one or more errors.</summary>
        public AssemblyException(IReadOnlyList<AssemblyError> errors)
            : base(string.Join("\n", (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.ToString())))
        {
            if (errors.Count == 0)
            {
                throw new ArgumentException("at least one error is needed", nameof(errors));
            }

            Errors = errors;
        }

        /// <summary>Every error found, in source order.</summary>
        public IReadOnlyList<AssemblyError> Errors { get; }

        /// <summary>File of the first error.</summary>
        public string File => Errors[0].File;

        /// <summary>1-based line of the first error.</summary>
        public int Line => Errors[0].Line;

        /// <summary>1-based column of the first error.</summary>
        public int Column => Errors[0].Column;
    }
}
