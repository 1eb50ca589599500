using Ebpf.Compiler.IR;
using Ebpf.Compiler.Passes;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    public sealed class ConstantFoldingTests
    {
        private static string Fold(IrFunction function)
        {
            new ConstantFolding().Run(function);
            IrVerifier.Verify(function);
            return IrPrinter.Print(function);
        }

        private static IrFunction Returning(System.Func<IrFunctionBuilder, IrValue> body, IrType type)
        {
            var f = new IrFunctionBuilder("f", type);
            f.At(f.Block("entry"));
            f.Return(body(f));
            return f.Function;
        }

        [Theory]
        [InlineData(BinaryOperation.DivideUnsigned, 7, 0, "0")]
        [InlineData(BinaryOperation.RemainderUnsigned, 7, 0, "7")]
        [InlineData(BinaryOperation.DivideSigned, -7, 0, "0")]
        [InlineData(BinaryOperation.RemainderSigned, -7, 0, "-7")]
        [InlineData(BinaryOperation.DivideSigned, int.MinValue, -1, "-2147483648")]
        [InlineData(BinaryOperation.RemainderSigned, int.MinValue, -1, "0")]
        [InlineData(BinaryOperation.Add, int.MaxValue, 1, "-2147483648")]
        [InlineData(BinaryOperation.ShiftLeft, 1, 33, "2")]
        [InlineData(BinaryOperation.ShiftRightSigned, -8, 1, "-4")]
        [InlineData(BinaryOperation.ShiftRightUnsigned, -8, 1, "2147483644")]
        public void Folds_with_the_kernels_semantics(BinaryOperation operation, int left, int right, string expected)
        {
            var x = Returning(f => f.Binary(operation, f.Move(IrFunctionBuilder.I32(left)), IrFunctionBuilder.I32(right)), IrType.I32);
            Assert.Contains("ret " + expected + "\n", Fold(x));
        }

        [Fact]
        public void Applies_identities_and_puts_constants_second()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            f.At(f.Block("entry"));
            VirtualRegister plusZero = f.Add(a, IrFunctionBuilder.I64(0), "plus0");
            VirtualRegister timesOne = f.Multiply(plusZero, IrFunctionBuilder.I64(1), "times1");
            VirtualRegister swapped = f.Add(IrFunctionBuilder.I64(5), timesOne, "swapped");
            VirtualRegister masked = f.ShiftLeft(swapped, IrFunctionBuilder.I64(65), "shifted");
            VirtualRegister negated = f.Subtract(IrFunctionBuilder.I64(0), masked, "negated");
            f.Return(f.And(negated, IrFunctionBuilder.I64(0), "zero"));
            string text = Fold(f.Function);
            Assert.Contains("%plus0: i64 = mov %a", text);
            Assert.Contains("%times1: i64 = mov %plus0", text);
            Assert.Contains("%swapped: i64 = add %times1, 5", text);
            Assert.Contains("%shifted: i64 = shl %swapped, 1", text);
            Assert.Contains("%negated: i64 = neg %shifted", text);
            Assert.Contains("ret 0", text);
        }

        [Fact]
        public void Propagates_a_local_constant_only_until_it_is_reassigned()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            VirtualRegister x = f.Register(IrType.I64, "x");
            f.At(f.Block("entry"));
            f.Assign(x, IrFunctionBuilder.I64(2));
            VirtualRegister first = f.Add(x, IrFunctionBuilder.I64(3), "first");
            f.Assign(x, a);
            VirtualRegister second = f.Add(x, first, "second");
            f.Return(second);
            string text = Fold(f.Function);
            Assert.Contains("%first: i64 = mov 5", text);
            Assert.Contains("%second: i64 = add %x, 5", text);
        }

        [Fact]
        public void Folds_compares_and_conversions_and_swaps_constant_left_compares()
        {
            var f = new IrFunctionBuilder("f", IrType.I32);
            VirtualRegister a = f.Parameter(IrType.I32, "a");
            f.At(f.Block("entry"));
            VirtualRegister widened = f.Convert(ConversionKind.SignExtend, f.Move(IrFunctionBuilder.I32(-1)), IrType.I64, "wide");
            f.Compare(Condition.UnsignedLess, widened, IrFunctionBuilder.I64(0), "never");
            VirtualRegister swapped = f.Compare(Condition.UnsignedLess, IrFunctionBuilder.I32(3), a, "swapped");
            f.Return(swapped);
            string text = Fold(f.Function);
            Assert.Contains("%wide: i64 = mov -1", text);
            Assert.Contains("%never: i32 = mov 0", text);
            Assert.Contains("%swapped: i32 = cmp.ugt %a, 3", text);
        }
    }
}
