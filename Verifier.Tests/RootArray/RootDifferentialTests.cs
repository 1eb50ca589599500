using System;
using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.RootArray;
using Ebpf.Loader.Sys;
using Ebpf.Programs.RootArray;
using Ebpf.Verifier.Tests.Differential;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>
    /// The DSL root (Programs/RootArray/XdpRoot.cs linked by <see cref="RootProgramLinker"/>) against the assembly root
    /// (xdp_root.s), both with the same slot program in slot 3, over <see cref="RootFrameCorpus"/> with BPF_PROG_TEST_RUN:
    /// the same verdict (or the same refusal of the kernel) for every frame, and the same counters in every row.
    /// </summary>
    public sealed class RootDifferentialTests : KernelTest
    {
        private const int Slots = 8;

        [Fact]
        public void Dsl_root_and_assembly_root_agree_on_every_corpus_frame_and_every_counter()
        {
            using var assembly = new RootUnderTest(XdpRootAssembly.Build(Slots));
            using var dsl = new RootUnderTest(RootProgramLinker.Build(Slots));
            var disagreements = new List<string>();
            var verdicts = new HashSet<string>();
            int frames = 0;
            foreach ((string name, byte[] frame) in RootFrameCorpus.All())
            {
                string expected = assembly.Run(frame);
                string actual = dsl.Run(frame);
                verdicts.Add(expected);
                frames++;
                if (expected != actual)
                {
                    disagreements.Add($"{name} ({Convert.ToHexString(frame.AsSpan(0, Math.Min(frame.Length, 40)))}): xdp_root.s {expected}, DSL {actual}");
                }
            }

            Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(20)));
            Assert.Equal(new[] { "0", "1", "2", "EINVAL" }, verdicts.OrderBy(v => v, StringComparer.Ordinal));   // every outcome occurred
            for (uint row = 0; row <= Slots; row++)
            {
                Assert.Equal(assembly.Counters(row), dsl.Counters(row));
            }

            Assert.True(assembly.Counters(3).Drop > 0 && assembly.Counters(3).Pass > 0 && assembly.Counters(Slots).Aborted > 0 && assembly.Counters(Slots).Pass > 0);
            Assert.True(frames > 400);
        }

        [Fact]
        public void Dsl_root_has_one_constant_key_tail_call_per_slot_and_keeps_the_root_name()
        {
            ProgramImage root = RootProgramLinker.Build(5).Image.Programs.Single();
            var keys = new List<long>();
            for (int i = 0; i < root.Instructions.Count; i++)
            {
                Instruction instruction = root.Instructions[i];
                if (instruction.IsCall && instruction.Source == Register.R0 && instruction.Immediate == 12)
                {
                    Instruction key = root.Instructions[i - 1];
                    Assert.Equal(Emit.Mov64(Register.R3, (int)key.Constant), key);
                    keys.Add(key.Constant);
                }
            }

            Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, keys);
            Assert.Equal(RootArrayImage.DefaultProgramName, root.Name);
            Assert.Contains(root.SourceMap, entry => entry.Location.File.EndsWith("XdpRoot.cs", StringComparison.Ordinal));
        }

        [Fact]
        public void Dsl_root_body_in_the_kernel_agrees_with_its_clr_run()
        {
            DifferentialAssert.AgreeOn(XdpRoot.Image, typeof(XdpRoot), nameof(XdpRoot.Root), RootFrameCorpus.All());
            DifferentialAssert.AgreeOnCorpus(XdpRoot.Image, typeof(XdpRoot), nameof(XdpRoot.Root));
        }

        [Fact]
        public void Attach_uses_the_dsl_root_by_default()
        {
            ProgramImage byDefault = RootArrayAttachOptions.Default.Image(Slots).Image.Programs.Single();

            Assert.Equal(RootProgramLinker.Build(Slots).Image.Programs.Single().Instructions, byDefault.Instructions);
            IReadOnlyList<Instruction> body = RootProgramLinker.ShippedBody.Instructions;
            Assert.Equal(BodyLinkForm.Inline, InlineBodyLinker.FormFor(RootProgramLinker.ShippedBody));
            Assert.Equal(                                                            // inline after the context spill, exits → goto epilogue
                body.Select(instruction => instruction.IsExit ? Emit.Goto(0).OpCode : instruction.OpCode),
                byDefault.Instructions.Skip(1).Take(body.Count).Select(instruction => instruction.OpCode));
            Assert.Equal(body.Where(instruction => !instruction.IsExit), byDefault.Instructions.Skip(1).Take(body.Count).Where((_, i) => !body[i].IsExit));
        }

        /// <summary>A root array loaded for BPF_PROG_TEST_RUN, with maps pinned in its own directory and a UDP-53 dropper in slot 3.</summary>
        private sealed class RootUnderTest : IDisposable
        {
            private readonly PinDirectory pins = new();
            private readonly LoadedCollection root;
            private readonly LoadedCollection slot;
            private readonly RootArrayImage image;

            public RootUnderTest(RootArrayImage image)
            {
                this.image = image;
                root = Collection.Load(image.Image);
                root.Map(image.SlotsMapName).Pin(pins[RootArrayImage.DefaultSlotsMapName]);
                root.Map(image.StatsMapName).Pin(pins[RootArrayImage.DefaultStatsMapName]);
                slot = Collection.Load(SlotProgramLinker.Link(DslSlotPrograms.DropUdpPort(53), null, 3, Slots), new LoadOptions { PinDirectory = pins.Path });
                new ProgramArrayView(root.Map(image.SlotsMapName)).Set(3, slot.Program("DropUdp53"));
            }

            public string Run(byte[] frame)
            {
                try
                {
                    return root.Program(image.ProgramName).TestRun(frame).ReturnValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (BpfException error)
                {
                    return error.ErrnoName;
                }
            }

            public VerdictCounters Counters(uint row)
            {
                VerdictCounters sum = default;
                foreach (VerdictCounters cpu in new PerCpuArrayView<VerdictCounters>(root.Map(image.StatsMapName)).Get(row))
                {
                    sum += cpu;
                }

                return sum;
            }

            public void Dispose()
            {
                slot.Dispose();
                root.Dispose();
                pins.Dispose();
            }
        }
    }
}
