using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.RootArray;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.RootArray;

namespace Ebpf.Verifier.Tests.CliFuzz
{
    /// <summary>
    /// What the CLI fuzz runs against: a <see cref="RootArrayNetwork"/> (its receiving veth is the only interface the
    /// fuzz changes), a scratch directory with assembly sources, raw instruction files and garbage, a bpffs scratch
    /// directory for <c>load --pin</c>, and pools of names and paths. <see cref="Reset"/> puts the veth into a known
    /// state before each case; <see cref="CheckKernelState"/> says what is wrong with bpffs and the interface afterwards.
    /// </summary>
    public sealed class CliFuzzWorld : IDisposable
    {
        private readonly string scratch;

        /// <summary>Creates the network and the files.</summary>
        public CliFuzzWorld()
        {
            Network = new RootArrayNetwork();
            scratch = Path.Combine(Path.GetTempPath(), "ebpf-qa-clifuzz-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            PinScratch = Path.Combine(BpfFs.DefaultRoot, Path.GetFileName(scratch));
            try
            {
                Directory.CreateDirectory(scratch);
                File.WriteAllText(Path.Combine(scratch, "good.s"), "r0 = 2\nexit\n");
                File.WriteAllText(Path.Combine(scratch, "maps.s"), "r1 = map[counts] ll\nr0 = 0\nexit\n");
                File.WriteAllText(Path.Combine(scratch, "bad.s"), "r11 = 1\nfoo\n");
                File.WriteAllBytes(Path.Combine(scratch, "good.bin"), new byte[] { 0xb7, 0, 0, 0, 2, 0, 0, 0, 0x95, 0, 0, 0, 0, 0, 0, 0 });
                File.WriteAllBytes(Path.Combine(scratch, "odd.bin"), new byte[] { 0xb7, 0, 0, 0, 2 });
                File.WriteAllBytes(Path.Combine(scratch, "wide.bin"), new byte[] { 0x18, 0, 0, 0, 1, 0, 0, 0 }); // a 16-byte instruction cut in half
                File.WriteAllBytes(Path.Combine(scratch, "garbage.bin"), Enumerable.Range(0, 64).Select(i => (byte)(i * 37 + 11)).ToArray());
                File.WriteAllBytes(Path.Combine(scratch, "empty"), Array.Empty<byte>());
            }
            catch
            {
                Dispose();
                throw;
            }

            string veth = RootArrayPaths.For(Network.Name).Directory;
            string programs = typeof(Ebpf.Programs.RootArray.XdpRoot).Assembly.Location;
            string[] files = { "good.s", "maps.s", "bad.s", "good.bin", "odd.bin", "wide.bin", "garbage.bin", "empty", "missing.s" };
            SourcePaths = files.Select(f => Path.Combine(scratch, f)).Concat(new[] { scratch, "/", "/nonexistent/x.s", "/proc/self/status", "" }).ToArray();
            OutputPaths = new[] { Path.Combine(scratch, "out.bin"), Path.Combine(scratch, "out.pcap"), scratch, "/", "/nonexistent/x.pcap", "/proc/qa-clifuzz.pcap", "/etc/hostname/x.pcap", "" };
            UnwritablePaths = new[] { "/", scratch, "/nonexistent/demo.pcap", "/proc/qa-clifuzz.pcap", "/etc/hostname/demo.pcap" };
            Paths = SourcePaths.Concat(OutputPaths).Concat(new[]
            {
                programs, "/dev/null", "/sys/fs/bpf", RootArrayPaths.Root, veth,
                Path.Combine(veth, "xdp_root"), Path.Combine(veth, "root_slots"), Path.Combine(veth, "root_stats"), Path.Combine(veth, "link"),
                Path.Combine(veth, "filter_drop4"), Path.Combine(veth, "filter_config"), Path.Combine(veth, "sampler_ring"), Path.Combine(veth, "sampler_stats"),
            }).Distinct().ToArray();
            MutableInterfaces = new[] { Network.Name, Network.Name, Network.Name, Network.PeerName, "nosuch0", "em0000000a", "qa.fuzz", "a%b", "", "..", "a/b", "a b", "abcdefghijklmnop", "-i" };
            FakeInterfaces = MutableInterfaces.Where(n => n != Network.Name).Distinct().ToArray();
            ReadableInterfaces = MutableInterfaces.Concat(new[] { "lo" }).ToArray();
        }

        /// <summary>The veth pair between the private namespaces.</summary>
        public RootArrayNetwork Network { get; }

        /// <summary>A bpffs directory outside /sys/fs/bpf/ebpf-managed where <c>load --pin</c> may pin; emptied after each case.</summary>
        public string PinScratch { get; }

        /// <summary>Interface tokens for commands that change state: the fuzz veth, its peer (in the other namespace, so unknown here) and made-up names.</summary>
        public string[] MutableInterfaces { get; }

        /// <summary>Interface tokens for commands that only read: the mutable ones and the namespace's lo.</summary>
        public string[] ReadableInterfaces { get; }

        /// <summary>Every interface token except the fuzz veth: none of them may ever get a directory under /sys/fs/bpf/ebpf-managed.</summary>
        public string[] FakeInterfaces { get; }

        /// <summary>Input files for asm and disasm: scratch files, directories, missing paths.</summary>
        public string[] SourcePaths { get; }

        /// <summary>Output paths: scratch files and places that cannot be written.</summary>
        public string[] OutputPaths { get; }

        /// <summary>Paths no pcap file can be written to.</summary>
        public string[] UnwritablePaths { get; }

        /// <summary>Every path the read-only commands get: the above, the shipped program assembly, bpffs pins of the veth.</summary>
        public string[] Paths { get; }

        /// <summary>Brings the veth to <paramref name="setup"/>: 0 detached, 1 attached (4 slots, generic), 2 also with Filter in slot 0 and Sampler in slot 1.</summary>
        public void Reset(int setup)
        {
            Network.InReceiver(() => XdpRootArray.Detach(Network.Name));
            BpfFs.RemoveDirectory(PinScratch);
            foreach (string file in Directory.GetFiles(scratch, "out*"))
            {
                File.Delete(file);
            }

            if (setup >= 1)
            {
                Expect(Network.Cli("attach", Network.Name, "--mode", "generic", "--slots", "4"));
            }

            if (setup >= 2)
            {
                Expect(Network.Cli("slot", "load", Network.Name, "0", "Filter"));
                Expect(Network.Cli("slot", "load", Network.Name, "1", "Sampler"));
            }
        }

        /// <summary>
        /// What is wrong with the kernel state after a command: pins of a made-up interface, a staging directory left,
        /// a half-attached veth (pins without the XDP program attached, or an XDP program without pins), a pcap
        /// <c>.partial</c> file left in the scratch directory. Empty when all is well.
        /// </summary>
        public List<string> CheckKernelState()
        {
            var problems = new List<string>();
            if (Directory.Exists(RootArrayPaths.Root))
            {
                foreach (string directory in Directory.GetDirectories(RootArrayPaths.Root))
                {
                    string name = Path.GetFileName(directory);
                    if (FakeInterfaces.Any(fake => fake.Length > 0 && name == RootArrayPaths.Escape(fake)) || name == "lo")
                    {
                        problems.Add($"pins of an interface the fuzz never attached: {directory}");
                    }

                    if (name.StartsWith(RootArrayPaths.StagingPrefix, StringComparison.Ordinal) && name.Contains(Network.Name, StringComparison.Ordinal))
                    {
                        problems.Add($"a staging directory was left: {directory}");
                    }
                }
            }

            RootArrayPaths paths = Network.Paths;
            bool pinned = Directory.Exists(paths.Directory);
            string link = Network.LinkShow();
            bool xdp = link.Contains(" xdp", StringComparison.Ordinal) || link.Contains("prog/xdp", StringComparison.Ordinal);
            if (pinned && !(File.Exists(paths.Link) && File.Exists(paths.Program) && File.Exists(paths.Slots) && File.Exists(paths.Stats)))
            {
                problems.Add($"{paths.Directory} is incomplete: {string.Join(", ", Directory.GetFileSystemEntries(paths.Directory).Select(Path.GetFileName))}");
            }

            if (pinned != xdp)
            {
                problems.Add(pinned ? $"pins at {paths.Directory} but no XDP program on {Network.Name}: {link.Trim()}" : $"an XDP program on {Network.Name} without pins: {link.Trim()}");
            }

            problems.AddRange(Directory.GetFiles(scratch, ".*partial*").Select(file => $"a partial pcap file was left: {file}"));
            return problems;
        }

        /// <summary>Detaches, removes every pin and file, deletes the namespaces.</summary>
        public void Dispose()
        {
            try
            {
                BpfFs.RemoveDirectory(PinScratch);
            }
            finally
            {
                Network?.Dispose();
                if (Directory.Exists(scratch))
                {
                    Directory.Delete(scratch, recursive: true);
                }
            }
        }

        private static void Expect(CliRun run)
        {
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"setup failed ({run.ExitCode}): {run.Error}");
            }
        }
    }
}
