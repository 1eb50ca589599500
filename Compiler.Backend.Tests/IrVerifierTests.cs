using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.IR;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    public sealed class IrVerifierTests
    {
        [Fact]
        public void Accepts_well_formed_IR()
        {
            Assert.Empty(IrVerifier.Check(Samples.EthernetCheck()));
        }

        [Fact]
        public void Rejects_a_block_without_terminator()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            f.At(f.Block("entry"));
            f.Move(IrFunctionBuilder.I64(1));
            Assert.Contains(IrVerifier.Check(f.Function), p => p.Contains("does not end with a terminator"));
        }

        [Fact]
        public void Rejects_a_terminator_in_the_middle()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            f.At(f.Block("entry"));
            f.Return(IrFunctionBuilder.I64(1));
            f.Return(IrFunctionBuilder.I64(2));
            Assert.Contains(IrVerifier.Check(f.Function), p => p.Contains("is not last"));
        }

        [Fact]
        public void Rejects_a_read_that_is_not_assigned_on_every_path()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            VirtualRegister x = f.Register(IrType.I64, "x");
            BasicBlock entry = f.Block("entry");
            BasicBlock set = f.Block("set");
            BasicBlock join = f.Block("join");
            f.At(entry);
            f.Branch(Condition.Equal, a, IrFunctionBuilder.I64(0), set, join);
            f.At(set);
            f.Assign(x, IrFunctionBuilder.I64(1));
            f.Jump(join);
            f.At(join);
            f.Return(x);
            string problem = Assert.Single(IrVerifier.Check(f.Function));
            Assert.Contains("reads %x, which is not assigned on every path", problem);
        }

        [Fact]
        public void Accepts_a_local_assigned_on_both_arms()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            VirtualRegister x = f.Register(IrType.I64, "x");
            BasicBlock entry = f.Block("entry");
            BasicBlock one = f.Block("one");
            BasicBlock two = f.Block("two");
            BasicBlock join = f.Block("join");
            f.At(entry);
            f.Branch(Condition.Equal, a, IrFunctionBuilder.I64(0), one, two);
            f.At(one);
            f.Assign(x, IrFunctionBuilder.I64(1));
            f.Jump(join);
            f.At(two);
            f.Assign(x, IrFunctionBuilder.I64(2));
            f.Jump(join);
            f.At(join);
            f.Return(x);
            Assert.Empty(IrVerifier.Check(f.Function));
        }

        [Fact]
        public void Rejects_mismatched_operand_types()
        {
            var f = new IrFunctionBuilder("f", IrType.I64);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            VirtualRegister b = f.Parameter(IrType.I32, "b");
            f.At(f.Block("entry"));
            f.Return(f.Add(a, b));
            Assert.Contains(IrVerifier.Check(f.Function), p => p.Contains("one 32- or 64-bit scalar type"));
        }

        [Fact]
        public void Rejects_arithmetic_on_bytes_and_loads_through_scalars_and_packet_end()
        {
            var f = new IrFunctionBuilder("f", null);
            VirtualRegister small = f.Parameter(IrType.I8, "small");
            VirtualRegister scalar = f.Parameter(IrType.I64, "scalar");
            VirtualRegister end = f.Parameter(Samples.PacketEnd, "end");
            f.At(f.Block("entry"));
            f.Add(small, small);
            f.Load(IrType.I32, scalar, 0);
            f.Load(IrType.I32, end, 0);
            f.Return();
            var problems = IrVerifier.Check(f.Function);
            Assert.Equal(3, problems.Count);
            Assert.Contains(problems, p => p.Contains("cannot load through i64"));
            Assert.Contains(problems, p => p.Contains("cannot load through ptr.pkt_end"));
        }

        [Fact]
        public void Rejects_wrong_return_types_and_too_many_arguments()
        {
            var f = new IrFunctionBuilder("f", IrType.I32);
            VirtualRegister a = f.Parameter(IrType.I64, "a");
            f.At(f.Block("entry"));
            f.CallHelper(5, IrType.I64, a, a, a, a, a, a);
            f.Return(a);
            var problems = IrVerifier.Check(f.Function);
            Assert.Contains(problems, p => p.Contains("at most 5 arguments"));
            Assert.Contains(problems, p => p.Contains("the function returns i32"));
        }

        [Fact]
        public void Rejects_pointer_arithmetic_other_than_adding_a_scalar()
        {
            var f = new IrFunctionBuilder("f", null);
            VirtualRegister map = f.Parameter(IrType.PointerTo(PointerKind.Map), "map");
            VirtualRegister packet = f.Parameter(Samples.Packet, "packet");
            f.At(f.Block("entry"));
            f.Add(map, IrFunctionBuilder.I64(8));
            f.Multiply(packet, IrFunctionBuilder.I64(2));
            f.Return();
            Assert.Equal(2, IrVerifier.Check(f.Function).Count(p => p.Contains("pointer arithmetic")));
        }

        [Fact]
        public void Rejects_registers_of_another_function_and_unknown_callees()
        {
            var other = new IrFunction("other", IrType.I64);
            VirtualRegister foreign = other.NewRegister(IrType.I64, "foreign");
            var f = new IrFunctionBuilder("f", IrType.I64);
            f.At(f.Block("entry"));
            f.CallLocal("missing", null);
            f.Return(foreign);
            var module = new IrModule("m", ProgramType.Xdp);
            module.Functions.Add(f.Function);
            var failure = Assert.Throws<IrVerificationException>(() => IrVerifier.Verify(module));
            Assert.Contains(failure.Problems, p => p.Contains("belongs to another function"));
            Assert.Equal("f", failure.FunctionName);
        }

        [Fact]
        public void Rejects_a_branch_to_a_block_of_another_function()
        {
            var other = new IrFunctionBuilder("other", null);
            BasicBlock foreign = other.Block("foreign");
            var f = new IrFunctionBuilder("f", null);
            f.At(f.Block("entry"));
            f.Jump(foreign);
            Assert.Contains(IrVerifier.Check(f.Function), p => p.Contains("not in the function"));
        }
    }
}
