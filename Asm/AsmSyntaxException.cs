using System;

namespace Ebpf.Asm
{
    /// <summary>Stops parsing one statement; the assembler records it and goes on with the next line.</summary>
    internal sealed class AsmSyntaxException : Exception
    {
        public AsmSyntaxException(int column, string message)
            : base(message)
        {
            Column = column;
        }

        public int Column { get; }
    }
}
