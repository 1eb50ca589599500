using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.IR;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>Linking: BPF-to-BPF calls, tail calls, map relocations, the source map.</summary>
    public sealed class BackendModuleTests
    {
        [Fact]
        public void A_local_call_resolves_to_the_callee_and_keeps_callee_saved_values()
        {
            var main = new IrFunctionBuilder("main", IrType.I64);
            VirtualRegister a = main.Parameter(IrType.I64, "a");
            main.At(main.Block("entry"));
            VirtualRegister twice = main.CallLocal("twice", IrType.I64, a)!;
            main.Return(main.Add(twice, a));
            var callee = new IrFunctionBuilder("twice", IrType.I64);
            VirtualRegister x = callee.Parameter(IrType.I64, "x");
            callee.At(callee.Block("entry"));
            VirtualRegister clobber = callee.Move(IrFunctionBuilder.I64(99), "clobber");
            callee.Emit(new MoveInstruction(clobber, callee.Add(clobber, x)));
            callee.Return(callee.Add(x, x));
            ProgramImage image = BpfBackend.Compile(BackendPrograms.Module(main.Function, callee.Function));
            Assert.Equal(
                Listing.Lines("r6 = r1", "call pc+2", "r0 += r6", "exit", "r2 = 99", "r2 += r1", "r0 = r1", "r0 += r1", "exit"),
                Listing.Text(image));
            Assert.Equal(21UL, new BpfMachine(image).Run(7));
        }

        [Fact]
        public void A_tail_call_to_a_named_program_leaves_its_slot_to_the_loader()
        {
            var f = new IrFunctionBuilder("root", IrType.I32);
            VirtualRegister ctx = f.Parameter(Samples.Context, "ctx");
            VirtualRegister index = f.Parameter(IrType.I32, "index");
            f.At(f.Block("entry"));
            f.TailCall(ctx, "slots", "filter");
            f.TailCall(ctx, "slots", index);
            f.Return(IrFunctionBuilder.I32(2));
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            Assert.Equal(
                Listing.Lines(
                    "r6 = r1",
                    "r7 = r2",
                    "r3 = slot[filter]",
                    "r2 = map[slots] ll",
                    "call 12",
                    "r1 = r6",
                    "r3 = r7",
                    "r2 = map[slots] ll",
                    "call 12",
                    "r0 = 2",
                    "exit"),
                Listing.Text(image));
            Assert.Equal(
                new[]
                {
                    new Relocation(2, RelocationKind.ProgramSlot, "filter"),
                    new Relocation(3, RelocationKind.MapFd, "slots"),
                    new Relocation(7, RelocationKind.MapFd, "slots"),
                },
                image.Relocations);
        }

        [Fact]
        public void A_map_value_reference_carries_its_offset_in_the_relocation_and_the_second_immediate()
        {
            var f = new IrFunctionBuilder("config", IrType.I32);
            f.At(f.Block("entry"));
            VirtualRegister value = f.MapValue("settings", 16, "value");
            f.Return(f.Load(IrType.I32, value, 4));
            ProgramImage image = BpfBackend.Compile(f.Function, ProgramType.Xdp);
            Assert.Equal(new Relocation(0, RelocationKind.MapValue, "settings", 16), Assert.Single(image.Relocations));
            Assert.Equal(PseudoSource.MapValue, image.Instructions[0].PseudoSource);
            Assert.Equal(16L << 32, image.Instructions[0].Constant);
        }

        [Fact]
        public void Emitted_instructions_inherit_the_location_of_their_IR_instruction()
        {
            IrFunction function = Samples.EthernetCheck();
            var check = new SourceLocation("Prog.cs", 10, 5, "if (data + 14 > end) return XDP_DROP;");
            var read = new SourceLocation("Prog.cs", 11, 5, "return proto + 7;");
            foreach (IrInstruction instruction in function.Entry.Instructions)
            {
                instruction.Location = check;
            }

            foreach (IrInstruction instruction in function.Blocks.Single(b => b.Name == "ok").Instructions)
            {
                instruction.Location = read;
            }

            ProgramImage image = BpfBackend.Compile(function, ProgramType.Xdp);
            Assert.Equal(new[] { new SourceMapEntry(0, check), new SourceMapEntry(5, read) }, image.SourceMap);
            Assert.Equal(check, image.LocationOf(4));
            Assert.Equal(read, image.LocationOf(6));
        }

        [Fact]
        public void The_input_module_is_not_changed()
        {
            IrFunction function = BackendPrograms.Pressure(12);
            string before = function.ToString();
            BpfBackend.Compile(function, ProgramType.Xdp);
            Assert.Equal(before, function.ToString());
        }
    }
}
