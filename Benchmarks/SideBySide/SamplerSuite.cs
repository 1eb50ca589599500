using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.RootArray;
using Ebpf.Programs.Sampler;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// The sampler (<c>[XdpSlot(1)] Sampler</c>, linked by the loader for slot 1 of <see cref="RootArraySuite.Slots"/>)
    /// against C/sampler.bpf.c, each side loaded twice: every=1 (every packet copied, snap length 256, so the 64-byte
    /// frame whole; timed in batches of <see cref="RecordsPerBatch"/> runs with the rings emptied before each, so every run copies) and every=0 (off); against the C
    /// twin as written (body inlined) and with the body a BPF-to-BPF call (<c>vs-C-call</c>: the linkers' fallback form, which they used before 82a140d).
    /// </summary>
    internal sealed class SamplerSuite : IProgramSuite
    {
        private const int Slot = 1;

        /// <summary>Runs per test run at every=1: 3,125 records of 296 bytes (288 + the ring's 8-byte header) fill 925,000 of the ring's 1,048,576 bytes; 320 batches make 1,000,000.</summary>
        private const uint RecordsPerBatch = 3_125;

        /// <summary>The C objects: the twin as C would write it (body inlined), and the same with the body a BPF-to-BPF call, the linkers' fallback form.</summary>
        internal static IReadOnlyList<(string Stem, string Versus)> CTwins { get; } = new[] { ("sampler", ""), ("sampler_call", "vs-C-call") };

        /// <inheritdoc />
        public string Name => "XdpSampler";

        /// <inheritdoc />
        public IReadOnlyList<ProgramPair> Load(SuiteContext context)
        {
            CollectionImage image = SlotProgramLinker.Link(PacketSampler.Image, nameof(PacketSampler.Sampler), Slot, RootArraySuite.Slots);
            var packet = new TestPacket("ipv4-udp", TestPackets.Ipv4Udp());
            var pairs = new List<ProgramPair>();
            foreach (uint every in new uint[] { 1, 0 })
            {
                string setting = "every=" + every.ToString(CultureInfo.InvariantCulture);
                string label = Name + "-every" + every.ToString(CultureInfo.InvariantCulture);
                LoadedCollection ours = context.LoadOurs(image, label);
                Configure(ours.Map("sampler_config"), every);
                ProgramImage program = image.Programs.Single();
                BpfProgram mine = ours.Program(program.Name);
                foreach ((string stem, string versus) in CTwins)
                {
                    BpftoolCollection clang = context.LoadClang(stem, "xdp", label + "-" + stem);
                    SuiteContext.CheckSameMaps(Name, ours, clang, SuiteContext.MapNames(image));
                    Configure(clang.Map("sampler_config"), every);
                    RingDrainer drainer = context.Own(new RingDrainer(ours.Map("sampler_ring"), clang.Map("sampler_ring")));
                    context.Own(new CountersReport($"{Name} {setting} {stem}", ours.Map("sampler_stats"), clang.Map("sampler_stats")));
                    pairs.Add(new ProgramPair(Name, program.Name, mine.Type, mine, clang.Program(nameof(PacketSampler.Sampler)), program, packet)
                    {
                        Setting = versus.Length > 0 ? setting + " " + versus : setting,
                        RepeatBatch = every == 0 ? null : RecordsPerBatch,
                        BeforeBatch = every == 0 ? null : drainer.Drain,
                    });
                }
            }

            return pairs;
        }

        private static void Configure(BpfMap config, uint every)
        {
            var value = new byte[16]; // every, snaplen, slot, reserved
            BitConverter.TryWriteBytes(value.AsSpan(0, 4), every);
            BitConverter.TryWriteBytes(value.AsSpan(4, 4), 256u);
            BitConverter.TryWriteBytes(value.AsSpan(8, 4), (uint)Slot);
            config.Update(new byte[4], value);
        }

        /// <summary>At the end of the run (before the maps close), says how many records each side wrote and lost, so a drained ring shows.</summary>
        private sealed class CountersReport : IDisposable
        {
            private readonly string _label;
            private readonly BpfMap _ours;
            private readonly BpfMap _clang;

            public CountersReport(string label, BpfMap ours, BpfMap clang)
            {
                _label = label;
                _ours = ours;
                _clang = clang;
            }

            public void Dispose() =>
                Console.Error.WriteLine($"{_label}: ours {Describe(_ours)}; clang {Describe(_clang)} (ours counts both pairs)");

            private static string Describe(BpfMap stats)
            {
                SamplerCounters[] perCpu = new PerCpuArrayView<SamplerCounters>(stats).Get(0);
                return $"sampled {perCpu.Sum(counters => (double)counters.Sampled):N0}, lost {perCpu.Sum(counters => (double)counters.Lost):N0}";
            }
        }
    }
}
