using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Programs;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// Times every pair with BPF_PROG_TEST_RUN in interleaved rounds: each round measures the floors (the empty programs)
    /// at its start and end, and both sides of every pair in between (each on its own frame), alternating which side goes first, so that drift
    /// between runs (8 ns measured on this kind of machine) falls on both sides alike.
    /// </summary>
    internal static class InterleavedRuns
    {
        /// <summary>Measures <paramref name="pairs"/> against the floor of their program type.</summary>
        public static IReadOnlyList<PairResult> Measure(
            IReadOnlyList<ProgramPair> pairs,
            IReadOnlyDictionary<ProgramType, BpfProgram> floors,
            SideBySideOptions options,
            TextWriter progress)
        {
            byte[] packet = TestPackets.Ipv4Udp();
            uint[] oursVerdicts = pairs.Select(pair => pair.Ours.TestRun(pair.Packet.Bytes).ReturnValue).ToArray();
            uint[] clangVerdicts = pairs.Select(pair => pair.Clang.TestRun(pair.Packet.Bytes).ReturnValue).ToArray();

            // Warm-up: caches, the JIT image's pages and the trace buffer are touched once before any round counts.
            uint warmUp = System.Math.Max(1, options.Repeat / 10);
            foreach (BpfProgram program in floors.Values)
            {
                program.TestRun(packet, warmUp);
            }

            foreach (ProgramPair pair in pairs)
            {
                Time(pair, pair.Ours, warmUp);
                Time(pair, pair.Clang, warmUp);
            }

            var floorRounds = floors.Keys.ToDictionary(type => type, _ => new List<double>());
            var oursRaw = pairs.Select(_ => new List<double>()).ToArray();
            var clangRaw = pairs.Select(_ => new List<double>()).ToArray();
            var oursNet = pairs.Select(_ => new List<double>()).ToArray();
            var clangNet = pairs.Select(_ => new List<double>()).ToArray();
            for (int round = 0; round < options.Rounds; round++)
            {
                var floorStart = floors.ToDictionary(floor => floor.Key, floor => Time(floor.Value, packet, options.Repeat));
                var ours = new double[pairs.Count];
                var clang = new double[pairs.Count];
                for (int i = 0; i < pairs.Count; i++)
                {
                    if ((round + i) % 2 == 0)
                    {
                        ours[i] = Time(pairs[i], pairs[i].Ours, options.Repeat);
                        clang[i] = Time(pairs[i], pairs[i].Clang, options.Repeat);
                    }
                    else
                    {
                        clang[i] = Time(pairs[i], pairs[i].Clang, options.Repeat);
                        ours[i] = Time(pairs[i], pairs[i].Ours, options.Repeat);
                    }
                }

                var floor = floors.ToDictionary(entry => entry.Key, entry => (floorStart[entry.Key] + Time(entry.Value, packet, options.Repeat)) / 2);
                foreach (KeyValuePair<ProgramType, double> entry in floor)
                {
                    floorRounds[entry.Key].Add(entry.Value);
                }

                for (int i = 0; i < pairs.Count; i++)
                {
                    oursRaw[i].Add(ours[i]);
                    clangRaw[i].Add(clang[i]);
                    oursNet[i].Add(ours[i] - floor[pairs[i].Type]);
                    clangNet[i].Add(clang[i] - floor[pairs[i].Type]);
                }

                progress.WriteLine($"round {round + 1}/{options.Rounds}: " +
                    string.Join("  ", pairs.Select((pair, i) => $"{pair.Label} {ours[i]:0}/{clang[i]:0}")) + "  floor " +
                    string.Join("/", floor.Select(entry => $"{entry.Key} {entry.Value:0.#}")) + " ns");
            }

            return pairs.Select((pair, i) => new PairResult(
                pair.Label,
                pair.Type.ToString(),
                Median.Of(floorRounds[pair.Type]),
                Metrics(pair.Ours, Median.Of(oursNet[i]), Median.Of(oursRaw[i]), oursVerdicts[i]),
                Metrics(pair.Clang, Median.Of(clangNet[i]), Median.Of(clangRaw[i]), clangVerdicts[i]),
                Delta(oursRaw[i], clangRaw[i]))).ToList();
        }

        private static NsDelta Delta(IReadOnlyList<double> ours, IReadOnlyList<double> clang)
        {
            double[] differences = ours.Zip(clang, (mine, theirs) => mine - theirs).ToArray();
            return new NsDelta(Median.Of(differences), differences.Min(), differences.Max());
        }

        private static double Time(BpfProgram program, byte[] packet, uint repeat) => program.TestRun(packet, repeat).DurationNs;

        private static double Time(ProgramPair pair, BpfProgram side, uint repeat)
        {
            if (pair.RepeatBatch is not uint batch || batch >= repeat)
            {
                pair.BeforeBatch?.Invoke();
                return Time(side, pair.Packet.Bytes, repeat);
            }

            double totalNs = 0;
            for (uint done = 0; done < repeat; done += batch)
            {
                uint runs = System.Math.Min(batch, repeat - done);
                pair.BeforeBatch?.Invoke();
                totalNs += Time(side, pair.Packet.Bytes, runs) * runs;
            }

            return totalNs / repeat;
        }

        private static SideMetrics Metrics(BpfProgram program, double netNs, double rawNs, uint verdict)
        {
            ProgramInfo info = program.Info();
            return new SideMetrics(info.TranslatedSize / Instruction.SlotSize, info.JitedSize, info.VerifiedInstructions, netNs, rawNs, verdict);
        }
    }
}
