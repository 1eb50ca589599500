using Ebpf.Compiler.IR;
using Ebpf.Compiler.Passes;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    public sealed class CopyPropagationTests
    {
        [Fact]
        public void Replaces_reads_of_single_assignment_copies_across_blocks()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            BasicBlock next = f.Block("entry");
            f.At(next);
            VirtualRegister copy = f.Move(a, "copy");
            BasicBlock later = f.Block("later");
            f.Jump(later);
            f.At(later);
            f.Return(f.Add(copy, IrFunctionBuilder.I64(1), "sum"));
            Assert.True(new CopyPropagation().Run(f.Function));
            Assert.Contains("%sum: i64 = add %a, 1", f.Function.ToString());
        }

        [Fact]
        public void Stops_at_a_reassignment_of_the_source()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            VirtualRegister x = f.Register(IrType.I64, "x");
            VirtualRegister y = f.Register(IrType.I64, "y");
            f.At(f.Block("entry"));
            f.Emit(new BinaryInstruction(BinaryOperation.Add, x, a, IrFunctionBuilder.I64(1)));
            f.Assign(y, x);
            VirtualRegister before = f.Add(y, IrFunctionBuilder.I64(1), "before");
            f.Assign(x, IrFunctionBuilder.I64(9));
            VirtualRegister after = f.Add(y, before, "after");
            f.Assign(y, IrFunctionBuilder.I64(0));
            f.Return(f.Add(after, x, "result"));
            new CopyPropagation().Run(f.Function);
            string text = f.Function.ToString();
            Assert.Contains("%before: i64 = add %x, 1", text);
            Assert.Contains("%after: i64 = add %y, %before", text);
            Assert.Contains("%result: i64 = add %after, %x", text);
            IrVerifier.Verify(f.Function);
        }

        [Fact]
        public void Leaves_multiply_assigned_copies_alone_in_other_blocks()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            VirtualRegister b = f.Parameter(IrType.I64, "b");
            VirtualRegister x = f.Register(IrType.I64, "x");
            BasicBlock entry = f.Block("entry");
            BasicBlock other = f.Block("other");
            BasicBlock join = f.Block("join");
            f.At(entry);
            f.Assign(x, a);
            f.Branch(Condition.Equal, a, b, join, other);
            f.At(other);
            f.Assign(x, b);
            f.Jump(join);
            f.At(join);
            f.Return(x);
            Assert.False(new CopyPropagation().Run(f.Function));
            Assert.Contains("ret %x", f.Function.ToString());
        }
    }
}
