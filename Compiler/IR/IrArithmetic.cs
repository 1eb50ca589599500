using System;

namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// The meaning of IR operations on bits, shared by the constant folder and the interpreter, and equal to what
    /// the kernel computes: wrap-around, x / 0 = 0, x % 0 = x, signed MIN / −1 = MIN and MIN % −1 = 0,
    /// shift counts masked to width − 1. Inputs and results are zero-extended from <c>width</c> bits.
    /// </summary>
    public static class IrArithmetic
    {
        /// <summary>Computes a binary operation on two <paramref name="width"/>-bit values (32 or 64).</summary>
        public static ulong Binary(BinaryOperation operation, int width, ulong left, ulong right)
        {
            ulong mask = Mask(width);
            ulong a = left & mask;
            ulong b = right & mask;
            long sa = IrConstant.SignExtend(a, width);
            long sb = IrConstant.SignExtend(b, width);
            int shift = (int)(b & (ulong)(width - 1));
            ulong result;
            switch (operation)
            {
                case BinaryOperation.Add: result = unchecked(a + b); break;
                case BinaryOperation.Subtract: result = unchecked(a - b); break;
                case BinaryOperation.Multiply: result = unchecked(a * b); break;
                case BinaryOperation.DivideUnsigned: result = b == 0 ? 0 : a / b; break;
                case BinaryOperation.RemainderUnsigned: result = b == 0 ? a : a % b; break;
                case BinaryOperation.DivideSigned:
                    result = sb == 0 ? 0 : sb == -1 ? unchecked((ulong)(0 - sa)) : unchecked((ulong)(sa / sb));
                    break;
                case BinaryOperation.RemainderSigned:
                    result = sb == 0 ? a : sb == -1 ? 0 : unchecked((ulong)(sa % sb));
                    break;
                case BinaryOperation.And: result = a & b; break;
                case BinaryOperation.Or: result = a | b; break;
                case BinaryOperation.Xor: result = a ^ b; break;
                case BinaryOperation.ShiftLeft: result = a << shift; break;
                case BinaryOperation.ShiftRightUnsigned: result = a >> shift; break;
                case BinaryOperation.ShiftRightSigned: result = unchecked((ulong)(sa >> shift)); break;
                default: throw new ArgumentOutOfRangeException(nameof(operation));
            }

            return result & mask;
        }

        /// <summary>Computes a unary operation on a <paramref name="width"/>-bit value.</summary>
        public static ulong Unary(UnaryOperation operation, int width, ulong operand)
        {
            ulong mask = Mask(width);
            ulong a = operand & mask;
            switch (operation)
            {
                case UnaryOperation.Negate: return unchecked(0 - a) & mask;
                case UnaryOperation.Not: return ~a & mask;
                case UnaryOperation.ByteSwap:
                    ulong swapped = 0;
                    for (int i = 0; i < width / 8; i++)
                    {
                        swapped = (swapped << 8) | ((a >> (8 * i)) & 0xff);
                    }

                    return swapped;
                default: throw new ArgumentOutOfRangeException(nameof(operation));
            }
        }

        /// <summary>Converts a scalar between widths (zero-extend, sign-extend, truncate).</summary>
        public static ulong Convert(ConversionKind kind, int fromWidth, int toWidth, ulong operand)
        {
            ulong a = operand & Mask(fromWidth);
            return kind == ConversionKind.SignExtend
                ? unchecked((ulong)IrConstant.SignExtend(a, fromWidth)) & Mask(toWidth)
                : a & Mask(toWidth);
        }

        /// <summary>All ones in the low <paramref name="width"/> bits.</summary>
        public static ulong Mask(int width) => width == 64 ? ulong.MaxValue : (1UL << width) - 1;
    }
}
