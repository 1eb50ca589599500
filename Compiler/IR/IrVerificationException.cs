using System;
using System.Collections.Generic;

namespace Ebpf.Compiler.IR
{
    /// <summary>Malformed IR: a bug in the front end or in a pass, never the author's mistake.</summary>
    public sealed class IrVerificationException : Exception
    {
        /// <summary>Creates the exception from the verifier's findings.</summary>
        public IrVerificationException(string functionName, IReadOnlyList<string> problems)
            : base("IR of @" + functionName + " is malformed:\n  " + string.Join("\n  ", problems))
        {
            FunctionName = functionName;
            Problems = problems;
        }

        /// <summary>The function that failed verification.</summary>
        public string FunctionName { get; }

        /// <summary>One line per problem found.</summary>
        public IReadOnlyList<string> Problems { get; }
    }
}
