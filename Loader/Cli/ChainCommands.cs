using System;
using System.CommandLine;
using System.Linq;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.RootArray;
using Ebpf.Loader.Sys;
using Ebpf.Programs.TailChain;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// <c>chain run [--flavor xdp|egress] [--cpu N] [--json]</c>: loads the shipped tail-call chain (three programs that
    /// share a per-CPU context), runs its first stage once with BPF_PROG_TEST_RUN on one CPU, and shows the verdict and the
    /// context every CPU holds afterwards. Nothing stays in the kernel: the programs and maps go when the command ends.
    /// </summary>
    public static class ChainCommands
    {
        /// <summary>The <c>chain</c> command with its <c>run</c> subcommand.</summary>
        public static Command Build(Terminal terminal)
        {
            var flavor = new Option<string>("--flavor")
            {
                Description = "xdp (XdpChain: Xdp1 → Xdp2 → Xdp3) or egress (EgressChain: cgroup_skb/egress Egress1 → Egress2 → Egress3).",
                DefaultValueFactory = _ => "xdp",
            };
            flavor.AcceptOnlyFromAmong("xdp", "egress");
            var cpu = new Option<int>("--cpu")
            {
                Description = "The CPU to run the first stage on (default: the last possible CPU).",
                DefaultValueFactory = _ => -1,
            };
            var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
            var run = new Command("run", "Load the tail-call chain, run its first stage once on one CPU, show the verdict and the per-CPU context.")
            {
                flavor, cpu, json,
            };
            run.SetAction(parse =>
            {
                bool egress = parse.GetValue(flavor) == "egress";
                ChainRunResult result = KernelAccess.Run(() => Run(egress, parse.GetValue(cpu)));
                if (parse.GetValue(json))
                {
                    terminal.WriteJson(result);
                }
                else
                {
                    Print(terminal, result);
                }

                return 0;
            });
            return new Command("chain", "The shipped tail-call chain with its per-CPU context.") { run };
        }

        private static ChainRunResult Run(bool egress, int cpu)
        {
            int cpus = PossibleCpus.Count;
            if (cpu == -1)
            {
                cpu = Math.Min(Environment.ProcessorCount, cpus) - 1;
            }

            if (cpu < 0 || cpu >= Math.Min(Environment.ProcessorCount, 64))
            {
                throw new CliException($"--cpu {cpu}: this machine runs CPUs 0..{Math.Min(Environment.ProcessorCount, 64) - 1}", CommandLine.UsageError);
            }

            byte[] packet = SamplePacket();
            if (egress)
            {
                using EgressChainSkeleton chain = EgressChainSkeleton.Load();
                return RunChain("EgressChain", chain.TailContextMap, new[] { chain.Egress1, chain.Egress2, chain.Egress3 }, packet, cpu, verdict => verdict == 1 ? "allow" : "deny");
            }
            else
            {
                using XdpChainSkeleton chain = XdpChainSkeleton.Load();
                return RunChain("XdpChain", chain.TailContextMap, new[] { chain.Xdp1, chain.Xdp2, chain.Xdp3 }, packet, cpu, VerdictCounters.ColumnName);
            }
        }

        private static ChainRunResult RunChain(string name, PerCpuArrayView<TailContext> context, BpfProgram[] stages, byte[] packet, int cpu, Func<uint, string> verdictName)
        {
            context.Set(0, new TailContext[context.CpuCount]);
            uint verdict;
            using (new CpuAffinity(cpu))
            {
                verdict = stages[0].TestRun(packet).ReturnValue;
            }

            TailContext[] perCpu = context.Get(0);
            return new ChainRunResult(
                name,
                stages.Select(stage => new ChainStage(stage.Name, stage.Id)).ToArray(),
                cpu,
                packet.Length,
                verdict,
                verdictName(verdict),
                perCpu.Select((value, index) => new ChainContextRow(index, value.ValueFrom1, value.ValueFrom2)).ToArray());
        }

        private static void Print(Terminal terminal, ChainRunResult result)
        {
            string stages = string.Join(" → ", result.Stages.Select(stage => $"{stage.Name} (id {stage.Id})"));
            terminal.Output.WriteLine($"Loaded {result.Chain}: {stages}.");
            terminal.Output.WriteLine($"Ran {result.Stages[0].Name} once on CPU {result.Cpu} with a {result.PacketBytes}-byte IPv4/UDP packet: verdict {result.Verdict} ({result.VerdictName}).");
            terminal.Output.WriteLine();
            terminal.Output.WriteLine("Per-CPU context (TailContextMap[0]) after the run:");
            var table = new TextTable("CPU", "VALUE_FROM_1", "VALUE_FROM_2");
            foreach (ChainContextRow row in result.Context)
            {
                table.Add(row.Cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), row.ValueFrom1.ToString(System.Globalization.CultureInfo.InvariantCulture), row.ValueFrom2.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            table.Write(terminal.Output);
            terminal.Output.WriteLine();
            terminal.Output.WriteLine("The last stage also logs both values with bpf_trace_printk: see /sys/kernel/tracing/trace_pipe.");
        }

        /// <summary>A 42-byte Ethernet/IPv4/UDP frame from 10.0.0.1:1234 to 10.0.0.2:5678 (checksums left 0).</summary>
        private static byte[] SamplePacket()
        {
            byte[] frame = new byte[42];
            byte[] header =
            {
                0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01, 0x08, 0x00,       // Ethernet: dst, src, IPv4
                0x45, 0, 0, 28, 0, 0, 0x40, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2, // IPv4, DF, TTL 64, UDP
                0x04, 0xd2, 0x16, 0x2e, 0, 8, 0, 0,                                 // UDP 1234 → 5678, length 8
            };
            header.CopyTo(frame, 0);
            return frame;
        }
    }
}
