using System;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>What <see cref="DivisionGuardCheck"/> has proven about a register's value at its width.</summary>
    [Flags]
    internal enum DivisorFacts
    {
        /// <summary>Nothing proven.</summary>
        None = 0,

        /// <summary>The value is not 0.</summary>
        NonZero = 1,

        /// <summary>The value is not −1 (all bits set at the register's width).</summary>
        NonMinusOne = 2,

        /// <summary>The sign bit at the register's width is clear (always set together with <see cref="NonMinusOne"/> and <see cref="NotMinValue"/>).</summary>
        NonNegative = 4,

        /// <summary>The value is not the signed minimum at the register's width (a safe signed dividend).</summary>
        NotMinValue = 8,

        /// <summary>Not negative, so neither −1 nor MinValue.</summary>
        NotNegative = NonNegative | NonMinusOne | NotMinValue,

        /// <summary>Positive: a safe divisor, signed or unsigned.</summary>
        Positive = NonZero | NotNegative,
    }
}
