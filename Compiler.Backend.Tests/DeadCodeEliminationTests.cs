using System.Linq;
using Ebpf.Compiler.IR;
using Ebpf.Compiler.Passes;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    public sealed class DeadCodeEliminationTests
    {
        [Fact]
        public void Removes_unused_pure_instructions_unreachable_blocks_and_slots_but_keeps_effects()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            StackSlot unused = f.StackSlot(8, 8, "unused");
            StackSlot used = f.StackSlot(8, 8, "used");
            f.At(f.Block("entry"));
            VirtualRegister dead = f.Add(a, IrFunctionBuilder.I64(1), "dead");
            f.Multiply(dead, dead, "alsoDead");
            f.Store(used, 0, a);
            f.CallHelper(5, IrType.I64);
            f.Return(a);
            BasicBlock orphan = f.Block("orphan");
            f.At(orphan);
            f.Return(IrFunctionBuilder.I64(0));
            Assert.True(new DeadCodeElimination().Run(f.Function));
            string text = f.Function.ToString();
            Assert.DoesNotContain("%dead", text);
            Assert.DoesNotContain("alsoDead", text);
            Assert.DoesNotContain("orphan", text);
            Assert.DoesNotContain("$unused", text);
            Assert.Contains("store.u64 [$used + 0], %a", text);
            Assert.Contains("call helper#5()", text);
            Assert.Single(f.Function.StackSlots);
        }

        [Fact]
        public void Keeps_a_value_read_around_a_loop()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister n = f.Parameter(IrType.I64, "n");
            VirtualRegister i = f.Register(IrType.I64, "i");
            BasicBlock entry = f.Block("entry");
            BasicBlock loop = f.Block("loop");
            BasicBlock exit = f.Block("exit");
            f.At(entry);
            f.Assign(i, IrFunctionBuilder.I64(0));
            f.Jump(loop);
            f.At(loop);
            f.Assign(i, f.Add(i, IrFunctionBuilder.I64(1)));
            f.Branch(Condition.UnsignedLess, i, n, loop, exit);
            f.At(exit);
            f.Return(i);
            int before = f.Function.Blocks.Sum(b => b.Instructions.Count);
            new DeadCodeElimination().Run(f.Function);
            Assert.Equal(before, f.Function.Blocks.Sum(b => b.Instructions.Count));
        }
    }
}
