using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Ebpf.Loader.Cli;

namespace Ebpf.Loader.Demo
{
    /// <summary>
    /// The <c>demo</c> story, told with the real commands in a private network (<see cref="DemoNetwork"/>): attach the
    /// root array, load the filter and the sampler into slots, add a drop rule and turn on fragment dropping with
    /// "fragmentation needed" replies, send traffic, show <c>status</c> and <c>filter status</c>, sample to a pcap file,
    /// detach. Each command is echoed like a shell transcript and runs in-process inside the receiver's namespace.
    /// Whatever happens, the root array is detached and the namespaces are deleted.
    /// </summary>
    public sealed class DemoScript
    {
        private readonly TextWriter output;
        private readonly TextWriter error;
        private readonly string pcapPath;
        private readonly List<string> failures = new();

        /// <summary>Creates the script writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
        public DemoScript(TextWriter output, TextWriter error, string pcapPath)
        {
            this.output = output;
            this.error = error;
            this.pcapPath = pcapPath;
        }

        /// <summary>The commands that exited non-zero (the demo goes on and reports them at the end).</summary>
        public IReadOnlyList<string> Failures => failures;

        /// <summary>Runs the whole story; returns 0 when every command succeeded, 1 otherwise.</summary>
        public int Run()
        {
            Say("1. A private network: two namespaces and a veth pair (nothing touches this machine's interfaces).");
            DemoNetwork created;
            try
            {
                created = DemoNetwork.Create();
            }
            catch (InvalidOperationException exception)
            {
                throw new CliException("demo: could not build the private network (needs root and iproute2): " + exception.Message);
            }

            using DemoNetwork network = created;
            string iface = network.Interface;
            output.WriteLine($"   {network.Receiver.Name}: {iface} {DemoNetwork.ReceiverAddress}/24  <->  {network.Sender!.Name}: {network.PeerInterface} {DemoNetwork.SenderAddress}/24, {DemoNetwork.BlockedAddress}/24");
            try
            {
                Say("2. Attach the root array (4 slots) and load the filter into slot 0, the sampler into slot 1.");
                Cli(network, "attach", iface, "--slots", "4");
                Cli(network, "slot", "load", iface, "0", "Filter");
                Cli(network, "slot", "load", iface, "1", "Sampler");

                Say($"3. Drop everything from {DemoNetwork.BlockedAddress}; drop fragments and answer first fragments with ICMP \"fragmentation needed\".");
                Cli(network, "filter", "drop", "add", DemoNetwork.BlockedAddress + "/32", "--interface", iface, "--tag", "demo: blocked sender");
                Cli(network, "filter", "config", "--interface", iface, "--frags-drop", "--ptb-send", "--ptb-max-pps", "10");

                Say($"4. Traffic: 20 UDP datagrams from {DemoNetwork.SenderAddress}, 10 from {DemoNetwork.BlockedAddress}, 3 of 2000 bytes (fragmented at MTU 1500).");
                network.SendUdp(DemoNetwork.SenderAddress, 20, 64);
                network.SendUdp(DemoNetwork.BlockedAddress, 10, 64);
                network.SendUdp(DemoNetwork.SenderAddress, 3, 2000);
                Thread.Sleep(200);
                Cli(network, "status", iface);
                Cli(network, "filter", "status", "--interface", iface);

                Say("5. Sample 1 in 2 packets (first 128 bytes) into a pcap file while traffic flows.");
                using (var traffic = new CancellationTokenSource())
                {
                    var sender = new Thread(() =>
                    {
                        while (!traffic.IsCancellationRequested)
                        {
                            network.SendUdp(DemoNetwork.SenderAddress, 2, 100);
                            Thread.Sleep(20);
                        }
                    }) { IsBackground = true, Name = "demo traffic" };
                    sender.Start();
                    Cli(network, "sample", iface, "--every", "2", "--snaplen", "128", "-w", pcapPath, "--count", "10", "--duration", "10");
                    traffic.Cancel();
                    sender.Join();
                }

                output.WriteLine($"   Read it with: tcpdump -nn -r {pcapPath}");
            }
            finally
            {
                Say("6. Detach: the link and every pin go; then the namespaces are deleted.");
                Cli(network, "detach", iface);
            }

            Say(failures.Count == 0 ? "Done: every command succeeded." : $"Done, but {failures.Count} command(s) failed: {string.Join("; ", failures)}");
            return failures.Count == 0 ? 0 : 1;
        }

        private void Say(string line)
        {
            output.WriteLine();
            output.WriteLine("== " + line);
        }

        private void Cli(DemoNetwork network, params string[] args)
        {
            output.WriteLine();
            output.WriteLine($"$ {CommandLine.Name} {string.Join(" ", Array.ConvertAll(args, Quote))}");
            output.Flush();
            int code;
            using (network.Receiver.Enter())
            {
                code = CommandLine.Run(args, output, error);
            }

            error.Flush();
            if (code != 0)
            {
                failures.Add($"{string.Join(" ", args)} (exit {code})");
            }
        }

        private static string Quote(string arg) => arg.Contains(' ', StringComparison.Ordinal) ? "'" + arg + "'" : arg;
    }
}
