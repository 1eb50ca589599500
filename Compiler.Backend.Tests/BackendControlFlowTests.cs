using Ebpf.Asm;
using Ebpf.Compiler.IR;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    public sealed class BackendControlFlowTests
    {
        [Fact]
        public void A_loop_back_to_the_entry_block_gets_a_separate_entry()
        {
            var f = new IrFunctionBuilder("countdown", IrType.I64);
            VirtualRegister n = f.Parameter(IrType.I64, "n");
            BasicBlock head = f.Block("head");
            BasicBlock body = f.Block("body");
            BasicBlock done = f.Block("done");
            f.At(head);
            f.Branch(Condition.Equal, n, IrFunctionBuilder.I64(0), done, body);
            f.At(body);
            f.Emit(new BinaryInstruction(BinaryOperation.Subtract, n, n, IrFunctionBuilder.I64(1)));
            f.Jump(head);
            f.At(done);
            f.Return(IrFunctionBuilder.I64(42));
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            Assert.Equal(
                Listing.Lines("if r1 == 0 goto +2", "r1 -= 1", "goto -3", "r0 = 42", "exit"),
                Listing.Text(image));
            Assert.Equal(42UL, new BpfMachine(image).Run(5));
        }

        [Fact]
        public void A_branch_whose_true_edge_falls_through_is_inverted()
        {
            var f = new IrFunctionBuilder("dowhile", IrType.I64);
            VirtualRegister n = f.Parameter(IrType.I64, "n");
            BasicBlock entry = f.Block("entry");
            BasicBlock loop = f.Block("loop");
            BasicBlock done = f.Block("done");
            f.At(entry);
            f.Jump(loop);
            f.At(loop);
            f.Emit(new BinaryInstruction(BinaryOperation.Subtract, n, n, IrFunctionBuilder.I64(1)));
            f.Branch(Condition.Equal, n, IrFunctionBuilder.I64(0), done, loop);
            f.At(done);
            f.Return(IrFunctionBuilder.I64(7));
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            Assert.Equal(Listing.Lines("r1 -= 1", "if r1 != 0 goto -2", "r0 = 7", "exit"), Listing.Text(image));
            Assert.Equal(7UL, new BpfMachine(image).Run(3));
        }

        [Fact]
        public void A_compare_into_a_value_sets_zero_or_one()
        {
            var f = new IrFunctionBuilder("flag", IrType.I32);
            VirtualRegister a = f.Parameter(IrType.I32, "a");
            VirtualRegister b = f.Parameter(IrType.I32, "b");
            f.At(f.Block("entry"));
            f.Return(f.Compare(Condition.SignedLess, a, b));
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            Assert.Equal(Listing.Lines("r0 = 1", "if w1 s< w2 goto +1", "r0 = 0", "exit"), Listing.Text(image));
            Assert.Equal(1UL, new BpfMachine(image).Run(unchecked((uint)-3), 2));
            Assert.Equal(0UL, new BpfMachine(image).Run(3, 2));
        }

        [Fact]
        public void Identical_tails_are_shared_and_the_jumps_to_the_copy_go_to_the_first()
        {
            // Two failure paths that each add 1 and return 1, as 'counter++; return …;' does in every early exit.
            var f = new IrFunctionBuilder("tails", IrType.I64);
            VirtualRegister n = f.Parameter(IrType.I64, "n");
            BasicBlock entry = f.Block("entry");
            BasicBlock firstFailure = f.Block("first");
            BasicBlock second = f.Block("second");
            BasicBlock secondFailure = f.Block("second.failure");
            BasicBlock success = f.Block("success");
            f.At(entry);
            f.Branch(Condition.Equal, n, IrFunctionBuilder.I64(3), firstFailure, second);
            f.At(firstFailure);
            f.Return(f.Add(n, IrFunctionBuilder.I64(1)));
            f.At(second);
            f.Branch(Condition.Equal, n, IrFunctionBuilder.I64(5), secondFailure, success);
            f.At(secondFailure);
            f.Return(f.Add(n, IrFunctionBuilder.I64(1)));
            f.At(success);
            f.Return(IrFunctionBuilder.I64(0));
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            Assert.Equal(
                Listing.Lines("if r1 == 3 goto +3", "if r1 == 5 goto +2", "r0 = 0", "exit", "r0 = r1", "r0 += 1", "exit"),
                Listing.Text(image));
            foreach (ulong input in new ulong[] { 3, 5, 7 })
            {
                Assert.Equal(input == 3 || input == 5 ? input + 1 : 0, new BpfMachine(image).Run(input));
            }
        }
    }
}
