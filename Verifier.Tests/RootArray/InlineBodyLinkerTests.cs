using System;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.RootArray;
using Ebpf.Programs.Filter;
using Ebpf.Programs.Sampler;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>
    /// <see cref="InlineBodyLinker"/> through <see cref="SlotProgramLinker"/> and <see cref="RootProgramLinker"/>: which
    /// bodies are inlined, what the linked program looks like, and that inlined and called bodies run behind the
    /// assembly root with BPF_PROG_TEST_RUN (verdicts and counters).
    /// </summary>
    public sealed class InlineBodyLinkerTests : KernelTest
    {
        private const int Slots = 8;

        [Fact]
        public void The_shipped_filter_sampler_and_root_link_inline_as_the_body_plus_the_epilogue_without_a_call()
        {
            foreach ((ProgramImage body, int slot) in new[] { (SlotProgramLinker.SlotProgram(XdpFilter.Image, "Filter"), 0), (SlotProgramLinker.SlotProgram(PacketSampler.Image, "Sampler"), 1) })
            {
                ProgramImage linked = SlotProgramLinker.Link(body, slot, Slots);
                int epilogue = Assembler.Assemble(SlotProgramAssembly.Epilogue(slot, Slots), "epilogue", ProgramType.Xdp).Instructions.Count;

                Assert.Equal(BodyLinkForm.Inline, InlineBodyLinker.FormFor(body));
                Assert.Equal(body.Instructions.Count + 2 + epilogue, linked.Instructions.Count);          // + the spill and the reload
                Assert.Equal(body.Instructions.Count(IsPseudoCall), linked.Instructions.Count(IsPseudoCall)); // no call of the linker's own
            }

            ProgramImage root = RootProgramLinker.ShippedBody;
            int rootEpilogue = Assembler.Assemble(RootProgramLinker.Epilogue(Slots), "epilogue", ProgramType.Xdp).Instructions.Count;
            ProgramImage linkedRoot = RootProgramLinker.Build(Slots).Image.Programs.Single();

            Assert.Equal(BodyLinkForm.Inline, InlineBodyLinker.FormFor(root));
            Assert.Equal(root.Instructions.Count + 2 + rootEpilogue, linkedRoot.Instructions.Count);
            Assert.Equal(root.Instructions.Count(IsPseudoCall), linkedRoot.Instructions.Count(IsPseudoCall));
        }

        [Fact]
        public void The_shipped_filter_and_sampler_linked_inline_load_and_count_their_verdicts()
        {
            using var harness = new SlotHarness();
            using LoadedCollection filter = harness.Load(SlotProgramLinker.Link(XdpFilter.Image, "Filter", 0, Slots));
            using LoadedCollection sampler = harness.Load(SlotProgramLinker.Link(PacketSampler.Image, "Sampler", 1, Slots));

            Assert.Equal(2u, SlotHarness.Run(filter, "Filter", Packets.Ipv4Udp()));     // default configs pass; slots 1..7 are empty
            Assert.Equal(2u, SlotHarness.Run(sampler, "Sampler", Packets.Ipv4Udp()));
            Assert.Equal(new VerdictCounters(0, 0, 1, 0, 0, 0), harness.Counters(0));
            Assert.Equal(new VerdictCounters(0, 0, 1, 0, 0, 0), harness.Counters(1));
        }

        [Fact]
        public void A_body_with_504_bytes_of_stack_links_inline_and_runs_where_the_call_form_would_not_fit()
        {
            CollectionImage image = InlineBodyPrograms.DeepStack(256, 248, 64);
            ProgramImage body = image.Programs.Single();
            ProgramImage linked = SlotProgramLinker.Link(body, 0, Slots);

            Assert.Equal(504, InlineBodyLinker.StackDepth(body));
            Assert.Equal(BodyLinkForm.Inline, InlineBodyLinker.FormFor(body));
            Assert.Equal(Emit.Store(MemorySize.DoubleWord, Register.R10, -512, Register.R1), linked.Instructions[0]);

            using var harness = new SlotHarness();
            using LoadedCollection deep = harness.Load(SlotProgramLinker.Link(image, null, 0, Slots));
            Assert.Equal(1u, SlotHarness.Run(deep, body.Name, Packets.Ipv4Udp(64)));
            Assert.Equal(2u, SlotHarness.Run(deep, body.Name, Packets.Ipv4Udp(80)));
            Assert.Equal(new VerdictCounters(0, 1, 1, 0, 0, 0), harness.Counters(0));
        }

        [Fact]
        public void A_body_whose_stack_cannot_be_bounded_falls_back_to_the_call_form_and_runs()
        {
            CollectionImage image = InlineBodyPrograms.VariableIndex();
            ProgramImage body = image.Programs.Single();
            ProgramImage linked = SlotProgramLinker.Link(body, 0, Slots);

            Assert.Null(InlineBodyLinker.StackDepth(body));
            Assert.Equal(BodyLinkForm.Call, InlineBodyLinker.FormFor(body));
            Assert.Contains("cannot be bounded", InlineBodyLinker.CallFormReason(body), StringComparison.Ordinal);
            Assert.Equal(Emit.Mov64(Register.R6, Register.R1), linked.Instructions[0]);
            Assert.True(IsPseudoCall(linked.Instructions[1]));
            Assert.Equal(body.Instructions, linked.Instructions.Skip(linked.Instructions.Count - body.Instructions.Count));

            using var harness = new SlotHarness();
            using LoadedCollection called = harness.Load(SlotProgramLinker.Link(image, null, 0, Slots));
            Assert.Equal(1u, SlotHarness.Run(called, body.Name, Packets.Ipv4Udp(68)));  // 68 % 16 = 4
            Assert.Equal(2u, SlotHarness.Run(called, body.Name, Packets.Ipv4Udp(64)));
            Assert.Equal(new VerdictCounters(0, 1, 1, 0, 0, 0), harness.Counters(0));
        }

        [Fact]
        public void A_body_deeper_than_504_bytes_falls_back_to_the_call_form_whose_combined_stack_the_kernel_refuses()
        {
            CollectionImage image = InlineBodyPrograms.DeepStack(256, 256, 64);
            ProgramImage body = image.Programs.Single();

            Assert.Equal(512, InlineBodyLinker.StackDepth(body));
            Assert.Contains("no room for the 8-byte context spill", InlineBodyLinker.CallFormReason(body), StringComparison.Ordinal);

            using var harness = new SlotHarness();
            VerifierException refused = Assert.Throws<VerifierException>(() => harness.Load(SlotProgramLinker.Link(image, null, 0, Slots)).Dispose());
            Assert.Contains("combined stack size", refused.Log.Text, StringComparison.Ordinal);
        }

        [Fact]
        public void A_body_with_a_subprogram_links_inline_with_the_subprogram_after_the_epilogue_and_runs()
        {
            CollectionImage image = InlineBodyPrograms.WithSubprogram();
            ProgramImage body = image.Programs.Single();
            ProgramImage linked = SlotProgramLinker.Link(body, 0, Slots);
            const int Main = 11;                                                 // the body's main function: instructions 0..10
            int epilogue = linked.Instructions.Count - body.Instructions.Count - 1;
            int subprogram = 1 + Main + epilogue;

            Assert.Equal((16, BodyLinkForm.Inline), (InlineBodyLinker.StackDepth(body), InlineBodyLinker.FormFor(body)));
            Assert.Equal(Emit.Store(MemorySize.DoubleWord, Register.R10, -24, Register.R1), linked.Instructions[0]);
            Assert.Equal(Emit.Load64(Register.R6, Register.R10, -24), linked.Instructions[1 + Main]);
            Assert.True(linked.Instructions[subprogram - 1].IsExit);                              // the epilogue's exit
            Assert.Equal(body.Instructions.Skip(Main), linked.Instructions.Skip(subprogram));     // the subprogram as compiled, exits included
            Assert.Equal(2, linked.Instructions.Skip(subprogram).Count(i => i.IsExit));
            Assert.Equal(1, linked.Instructions.Take(subprogram).Count(i => i.IsExit));
            int call = 1 + 8;
            Assert.True(IsPseudoCall(linked.Instructions[call]));
            Assert.Equal(SlotOf(linked, subprogram), SlotOf(linked, call) + 1 + linked.Instructions[call].Immediate);
            Assert.Equal(SlotOf(linked, 1 + Main), SlotOf(linked, 1 + 9) + 1 + linked.Instructions[1 + 9].Offset);   // exit → goto epilogue
            Assert.Equal(SlotOf(linked, 1 + Main), SlotOf(linked, 1 + 10) + 1 + linked.Instructions[1 + 10].Offset);
            Relocation subprogramMap = Assert.Single(linked.Relocations, r => r.Symbol == InlineBodyPrograms.SubprogramSeenMapName);
            Assert.Equal(body.Relocations.Single().InstructionIndex + 1 + epilogue, subprogramMap.InstructionIndex);
            Assert.True(linked.Instructions[subprogramMap.InstructionIndex].IsWide);
            Assert.Equal(body.LocationOf(Main), linked.LocationOf(subprogram));
            Assert.Equal(body.LocationOf(3), linked.LocationOf(4));
            Assert.Equal(SlotProgramLinker.WrapperFile, linked.LocationOf(1 + Main)?.File);

            using var harness = new SlotHarness();
            using LoadedCollection withSub = harness.Load(SlotProgramLinker.Link(image, null, 0, Slots));
            Assert.Equal(1u, SlotHarness.Run(withSub, body.Name, Packets.Ipv4Udp(64)));
            Assert.Equal(2u, SlotHarness.Run(withSub, body.Name, Packets.Ipv4Udp(120)));
            Assert.Equal(0u, SlotHarness.Run(withSub, body.Name, Packets.Ipv4Udp(42)));  // the main function's early exit
            Assert.Equal(new VerdictCounters(1, 1, 1, 0, 0, 0), harness.Counters(0));
            Assert.Equal(2ul, new ArrayView<ulong>(withSub.Map(InlineBodyPrograms.SubprogramSeenMapName))[0]);
        }

        [Fact]
        public void A_dsl_body_with_a_compiled_function_links_inline_with_the_function_after_the_epilogue_and_runs()
        {
            CollectionImage image = InlineBodyPrograms.WithFunctions();
            ProgramImage body = image.Programs.Single();
            ProgramImage linked = SlotProgramLinker.Link(body, 0, Slots);
            int call = body.Instructions.ToList().FindIndex(IsPseudoCall);
            int target = body.InstructionIndexOfSlot(SlotOf(body, call) + 1 + body.Instructions[call].Immediate);
            int linkedCall = linked.Instructions.ToList().FindIndex(IsPseudoCall);
            int linkedTarget = linked.InstructionIndexOfSlot(SlotOf(linked, linkedCall) + 1 + linked.Instructions[linkedCall].Immediate);

            Assert.True(call >= 0 && target > call, "the compiler emits Weigh as a BPF-to-BPF function");
            Assert.Equal(BodyLinkForm.Inline, InlineBodyLinker.FormFor(body));
            Assert.Equal(body.Instructions.Skip(target), linked.Instructions.Skip(linkedTarget));     // the function, last and unchanged
            Assert.Equal(1 + call, linkedCall);
            Assert.Single(linked.Instructions.Take(linkedTarget), i => i.IsExit);                    // only the epilogue's exit before it
            Assert.Equal(body.LocationOf(target), linked.LocationOf(linkedTarget));

            using var harness = new SlotHarness();
            using LoadedCollection weighed = harness.Load(SlotProgramLinker.Link(image, null, 0, Slots));
            Assert.Equal(1u, SlotHarness.Run(weighed, body.Name, Packets.Ipv4Udp(64)));
            Assert.Equal(2u, SlotHarness.Run(weighed, body.Name, Packets.Ipv4Udp(90)));
            Assert.Equal(0u, SlotHarness.Run(weighed, body.Name, Packets.Ipv4Udp(42)));
            Assert.Equal(new VerdictCounters(1, 1, 1, 0, 0, 0), harness.Counters(0));
            Assert.Equal(2ul, new ArrayView<ulong>(weighed.Map(InlineBodyPrograms.FunctionSeenMapName))[0]);
        }

        private static bool IsPseudoCall(Instruction instruction) => instruction.IsCall && instruction.Source == (Register)CallKind.Local;

        private static int SlotOf(ProgramImage program, int index) => program.Instructions.Take(index).Sum(i => i.Slots);
    }
}
