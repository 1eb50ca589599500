using CsCheck;
using Ebpf.Compiler.IR;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>The IR's arithmetic is C#'s unchecked arithmetic wherever C# defines a result.</summary>
    public sealed class IrArithmeticTests
    {
        private static ulong Fold32(BinaryOperation operation, int a, int b) =>
            IrArithmetic.Binary(operation, 32, unchecked((uint)a), unchecked((uint)b));

        [Fact]
        public void Thirty_two_bit_operations_match_CSharp()
        {
            Gen.Select(Gen.Int, Gen.Int).Sample(pair =>
            {
                (int a, int b) = pair;
                Assert.Equal(unchecked((uint)(a + b)), Fold32(BinaryOperation.Add, a, b));
                Assert.Equal(unchecked((uint)(a - b)), Fold32(BinaryOperation.Subtract, a, b));
                Assert.Equal(unchecked((uint)(a * b)), Fold32(BinaryOperation.Multiply, a, b));
                Assert.Equal(unchecked((uint)(a << b)), Fold32(BinaryOperation.ShiftLeft, a, b));
                Assert.Equal(unchecked((uint)(a >> b)), Fold32(BinaryOperation.ShiftRightSigned, a, b));
                Assert.Equal(unchecked((uint)a >> b), Fold32(BinaryOperation.ShiftRightUnsigned, a, b));
                if (b != 0)
                {
                    Assert.Equal(unchecked((uint)a / (uint)b), Fold32(BinaryOperation.DivideUnsigned, a, b));
                    Assert.Equal(unchecked((uint)a % (uint)b), Fold32(BinaryOperation.RemainderUnsigned, a, b));
                }

                if (b != 0 && !(a == int.MinValue && b == -1))
                {
                    Assert.Equal(unchecked((uint)(a / b)), Fold32(BinaryOperation.DivideSigned, a, b));
                    Assert.Equal(unchecked((uint)(a % b)), Fold32(BinaryOperation.RemainderSigned, a, b));
                }
            });
        }

        [Fact]
        public void Sixty_four_bit_operations_match_CSharp()
        {
            Gen.Select(Gen.Long, Gen.Long).Sample(pair =>
            {
                (long a, long b) = pair;
                ulong Fold(BinaryOperation operation) => IrArithmetic.Binary(operation, 64, unchecked((ulong)a), unchecked((ulong)b));
                Assert.Equal(unchecked((ulong)(a * b)), Fold(BinaryOperation.Multiply));
                Assert.Equal(unchecked((ulong)(a >> (int)b)), Fold(BinaryOperation.ShiftRightSigned));
                Assert.Equal(unchecked((ulong)(a << (int)b)), Fold(BinaryOperation.ShiftLeft));
                if (b != 0 && !(a == long.MinValue && b == -1))
                {
                    Assert.Equal(unchecked((ulong)(a / b)), Fold(BinaryOperation.DivideSigned));
                    Assert.Equal(unchecked((ulong)(a % b)), Fold(BinaryOperation.RemainderSigned));
                }
            });
        }

        [Fact]
        public void Where_CSharp_throws_the_kernels_result_is_defined()
        {
            Assert.Equal(0UL, Fold32(BinaryOperation.DivideUnsigned, 9, 0));
            Assert.Equal(9UL, Fold32(BinaryOperation.RemainderUnsigned, 9, 0));
            Assert.Equal(0UL, Fold32(BinaryOperation.DivideSigned, -9, 0));
            Assert.Equal(unchecked((uint)-9), Fold32(BinaryOperation.RemainderSigned, -9, 0));
            Assert.Equal(0x8000_0000UL, Fold32(BinaryOperation.DivideSigned, int.MinValue, -1));
            Assert.Equal(0UL, Fold32(BinaryOperation.RemainderSigned, int.MinValue, -1));
        }

        [Fact]
        public void Conversions_and_byte_swaps()
        {
            Assert.Equal(0xffff_ff80UL, IrArithmetic.Convert(ConversionKind.SignExtend, 8, 32, 0x80));
            Assert.Equal(0x80UL, IrArithmetic.Convert(ConversionKind.ZeroExtend, 8, 64, 0x80));
            Assert.Equal(0x34UL, IrArithmetic.Convert(ConversionKind.Truncate, 16, 8, 0x1234));
            Assert.Equal(0x3412UL, IrArithmetic.Unary(UnaryOperation.ByteSwap, 16, 0x1234));
            Assert.Equal(0x0807060504030201UL, IrArithmetic.Unary(UnaryOperation.ByteSwap, 64, 0x0102030405060708));
            Assert.Equal(0xffff_fffeUL, IrArithmetic.Unary(UnaryOperation.Not, 32, 1));
        }
    }
}
