using Ebpf.Compiler.IR;
using Ebpf.Compiler.Passes;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    public sealed class BranchSimplificationTests
    {
        [Fact]
        public void A_constant_condition_becomes_a_jump_and_the_dead_arm_goes()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            BasicBlock entry = f.Block("entry");
            BasicBlock yes = f.Block("yes");
            BasicBlock no = f.Block("no");
            f.At(entry);
            f.Branch(Condition.SignedLess, IrFunctionBuilder.I64(-1), IrFunctionBuilder.I64(0), yes, no);
            f.At(yes);
            f.Return(IrFunctionBuilder.I64(1));
            f.At(no);
            f.Return(IrFunctionBuilder.I64(2));
            Assert.True(new BranchSimplification().Run(f.Function));
            Assert.Equal("func @f() -> i64 {\nentry:\n  ret 1\n}\n", f.Function.ToString());
        }

        [Fact]
        public void Threads_jumps_through_empty_blocks_and_merges_straight_lines()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            BasicBlock entry = f.Block("entry");
            BasicBlock hop = f.Block("hop");
            BasicBlock target = f.Block("target");
            BasicBlock other = f.Block("other");
            f.At(entry);
            f.Branch(Condition.Equal, a, IrFunctionBuilder.I64(0), hop, other);
            f.At(hop);
            f.Jump(target);
            f.At(target);
            f.Return(IrFunctionBuilder.I64(1));
            f.At(other);
            f.Return(a);
            new BranchSimplification().Run(f.Function);
            Assert.Equal(
                "func @f(%a: i64) -> i64 {\nentry:\n  br eq %a, 0, target, other\ntarget:\n  ret 1\nother:\n  ret %a\n}\n",
                f.Function.ToString());
        }

        [Fact]
        public void A_jump_to_a_shared_return_becomes_a_return_of_its_own()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            VirtualRegister verdict = f.Register(IrType.I64, "v");
            BasicBlock entry = f.Block("entry");
            BasicBlock yes = f.Block("yes");
            BasicBlock no = f.Block("no");
            BasicBlock exit = f.Block("exit");
            f.At(entry);
            f.Branch(Condition.Equal, a, IrFunctionBuilder.I64(11), yes, no);
            f.At(yes);
            f.Assign(verdict, IrFunctionBuilder.I64(1));
            f.Jump(exit);
            f.At(no);
            f.Assign(verdict, IrFunctionBuilder.I64(0));
            f.Jump(exit);
            f.At(exit);
            f.Return(verdict);
            Assert.True(new BranchSimplification().Run(f.Function));
            Assert.Equal(
                "func @f(%a: i64) -> i64 {\nentry:\n  br eq %a, 11, yes, no\nyes:\n  %v: i64 = mov 1\n  ret %v\nno:\n  %v: i64 = mov 0\n  ret %v\n}\n",
                f.Function.ToString());
        }

        [Fact]
        public void A_branch_on_a_compare_result_becomes_a_fused_compare_and_branch()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            BasicBlock entry = f.Block("entry");
            BasicBlock yes = f.Block("yes");
            BasicBlock no = f.Block("no");
            f.At(entry);
            VirtualRegister flag = f.Compare(Condition.SignedGreater, a, IrFunctionBuilder.I64(10), "flag");
            f.Branch(Condition.Equal, flag, IrFunctionBuilder.I32(0), no, yes);
            f.At(yes);
            f.Return(IrFunctionBuilder.I64(1));
            f.At(no);
            f.Return(IrFunctionBuilder.I64(0));
            new BranchSimplification().Run(f.Function);
            new DeadCodeElimination().Run(f.Function);
            Assert.Contains("entry:\n  br sgt %a, 10, yes, no\n", f.Function.ToString());
        }

        [Fact]
        public void A_branch_with_equal_targets_becomes_a_jump()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            BasicBlock entry = f.Block("entry");
            BasicBlock only = f.Block("only");
            f.At(entry);
            f.Branch(Condition.Equal, a, IrFunctionBuilder.I64(0), only, only);
            f.At(only);
            f.Return(a);
            new BranchSimplification().Run(f.Function);
            Assert.Equal("func @f(%a: i64) -> i64 {\nentry:\n  ret %a\n}\n", f.Function.ToString());
        }
    }
}
