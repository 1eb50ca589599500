using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Ebpf.Loader.Cli;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.RootArray;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.Infrastructure;
using Ebpf.Verifier.Tests.RootArray;
using Xunit;

namespace Ebpf.Verifier.Tests.CliFuzz
{
    /// <summary>One test per wrong exit code or crash the CLI fuzz (or its brief) found, each with the input that showed it.</summary>
    public sealed class CliRegressionTests : KernelTest
    {
        [Theory]
        [InlineData("0")]
        [InlineData("-1")]
        [InlineData("33")]
        public void Attach_with_a_slot_count_out_of_range_is_a_usage_error_and_attaches_nothing(string slots)
        {
            // before: exit 1 from the loader, after it had looked the interface up
            using var network = new RootArrayNetwork();
            CliRun run = network.Cli("attach", network.Name, "--slots", slots);

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith($"ebpf-managed: error: --slots: {slots} is out of range (1..32", run.Error);
            Assert.False(network.AnyPinsLeft());
            Assert.DoesNotContain(" xdp", network.LinkShow());
        }

        [Theory]
        [InlineData("slot", "load", "IFACE", "-1", "Filter")]
        [InlineData("slot", "unload", "IFACE", "-1")]
        [InlineData("slot", "unload", "IFACE", "32")]
        public void A_slot_no_root_array_can_have_is_a_usage_error(params string[] args)
        {
            // before: exit 1 ("no network interface" or "out of range", depending on the state)
            CliRun run = CliRun.Of(args.Select(a => a == "IFACE" ? "nosuch0" : a).ToArray());

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("ebpf-managed: error: SLOT: ", run.Error);
        }

        [Fact]
        public void Status_watch_with_a_negative_count_is_a_usage_error()
        {
            // before: --count -1 meant "never stop"
            CliRun run = CliRun.Of("status", "--watch", "--count", "-1");

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("ebpf-managed: error: --count: -1 is out of range (at least 0)", run.Error);
        }

        [Theory]
        [InlineData(",,,")]
        [InlineData("")]
        public void Filter_status_without_any_interface_name_is_a_usage_error(string names)
        {
            // before: exit 0 and no output at all
            CliRun run = CliRun.Of("filter", "status", "--interface", names);

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("ebpf-managed: --interface: no interface name given", run.Error);
        }

        [Theory]
        [InlineData("NaN")]
        [InlineData("Infinity")]
        public void Sample_with_a_duration_that_is_not_a_number_is_a_usage_error(string duration)
        {
            // before: NaN passed the check and TimeSpan.FromSeconds threw: exit 70 "internal error"
            CliRun run = CliRun.Of("sample", "nosuch0", "-w", "/tmp/qa-never.pcap", "--duration", duration);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"ebpf-managed: --duration: '{duration}' is not a positive duration (e.g. 10, 10s, 500ms, 2m, 1h)\n", run.Error);
        }

        [Fact]
        public void Chain_run_on_a_cpu_this_machine_lacks_is_a_usage_error()
        {
            CliRun run = CliRun.Of("chain", "run", "--cpu", "99999");

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("ebpf-managed: --cpu 99999: this machine runs CPUs 0..", run.Error);
        }

        [Theory]
        [InlineData("load", "--image", "")]
        [InlineData("map", "dump", "--id", "-1")]
        [InlineData("prog", "dump", "1", "--source", "", "--assembly", "")]
        [InlineData("filter", "config", "-i", "nosuch0", "--frags-drop", "maybe", "--no-frags-drop")]
        public void A_value_that_does_not_parse_next_to_a_command_validator_is_a_usage_error(params string[] args)
        {
            // before: the validator read the value, System.CommandLine threw, and the exception escaped CommandLine.Run
            CliRun run = CliRun.Of(args);

            Assert.Equal(2, run.ExitCode);
            Assert.All(run.Error.TrimEnd('\n').Split('\n'), line => Assert.StartsWith("ebpf-managed: ", line));
        }

        [Fact]
        public void A_value_outside_an_option_list_is_one_line_naming_the_accepted_values()
        {
            // before: "Must be one of:" followed by one line per value, not starting with ebpf-managed:
            CliRun run = CliRun.Of("attach", "nosuch0", "--mode", "offload");

            Assert.Equal(2, run.ExitCode);
            Assert.Equal(
                "ebpf-managed: error: Argument 'offload' not recognized. Must be one of: 'native', 'generic', 'auto'\n" +
                "ebpf-managed: see 'ebpf-managed attach --help'\n",
                run.Error);
        }

        [Fact]
        public void Many_unknown_tokens_print_two_errors_and_a_count()
        {
            CliRun run = CliRun.Of("prog", "a", "b", "c", "d", "e");

            Assert.Equal(2, run.ExitCode);
            Assert.Equal(4, run.Error.TrimEnd('\n').Split('\n').Length);
            Assert.Contains("ebpf-managed: … and 3 more errors", run.Error);
        }

        [Fact]
        public void Assembling_a_file_that_is_not_assembly_prints_five_diagnostics_and_a_count()
        {
            // before: one line per line of the file (58 for /proc/self/status)
            string file = Path.Combine(Path.GetTempPath(), $"qa-notasm-{Guid.NewGuid():N}.s");
            File.WriteAllLines(file, Enumerable.Range(0, 40).Select(i => $"Line{i}: {i}"));
            try
            {
                CliRun run = CliRun.Of("asm", file, "-o", file + ".bin");

                Assert.Equal(1, run.ExitCode);
                string[] lines = run.Error.TrimEnd('\n').Split('\n');
                Assert.Equal(6, lines.Length);
                Assert.All(lines.Take(5), line => Assert.StartsWith(Path.GetFileName(file) + ":", line));
                Assert.Equal($"ebpf-managed: … and 35 more errors in {Path.GetFileName(file)}", lines[5]);
                Assert.False(File.Exists(file + ".bin"));
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Theory]
        [InlineData("/nonexistent/demo.pcap", "cannot write: no such directory /nonexistent")]
        [InlineData("/", "is a directory")]
        [InlineData("/proc/qa-demo.pcap", "cannot write")]
        public void Demo_refuses_a_pcap_path_it_cannot_write_before_it_starts(string path, string message)
        {
            // before: the demo built its namespaces, attached, loaded, sent traffic and only failed at the sampling step
            CliRun run = CliRun.Of("demo", "-w", path);

            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith($"ebpf-managed: -w {path}: {message}", run.Error);
            Assert.Equal(string.Empty, run.Output);
        }

        [Fact]
        public void Status_of_an_interface_that_does_not_exist_says_so_and_exits_1_with_or_without_json()
        {
            // before: "Root array not attached to interface nosuch0." and exit 0, as for an interface that exists
            using var network = new RootArrayNetwork();
            CliRun text = network.Cli("status", "lo", "nosuch0");
            CliRun json = network.Cli("status", "lo", "nosuch0", "--json");

            Assert.Equal(1, text.ExitCode);
            Assert.Equal(1, json.ExitCode);
            Assert.Contains("Root array not attached to interface lo.", text.Output);
            Assert.DoesNotContain("nosuch0", text.Output);
            Assert.Equal("ebpf-managed: no network interface named 'nosuch0'\n", text.Error);
            Assert.Equal(text.Error, json.Error);
            using JsonDocument document = JsonDocument.Parse(json.Output);
            Assert.Equal("lo", Assert.Single(document.RootElement.EnumerateArray()).GetProperty("interface").GetString());

            CliRun existing = network.Cli("status", network.Name, "--json");
            Assert.Equal(0, existing.ExitCode);
            Assert.Equal(string.Empty, existing.Error);
        }

        [Fact]
        public void Status_lists_only_directories_that_hold_a_root_array()
        {
            // before: /sys/fs/bpf/ebpf-managed/programs (where 'load' pins) showed as "Interface programs status: Root array not attached"
            string stray = Path.Combine(RootArrayPaths.Root, "qa" + Guid.NewGuid().ToString("N").Substring(0, 8));
            BpfFs.CreateDirectory(stray);
            try
            {
                CliRun run = CliRun.Of("status", "--json");

                Assert.Equal(0, run.ExitCode);
                using JsonDocument document = JsonDocument.Parse(run.Output);
                Assert.DoesNotContain(document.RootElement.EnumerateArray(), entry => entry.GetProperty("interface").GetString() == Path.GetFileName(stray));
            }
            finally
            {
                BpfFs.RemoveDirectory(stray);
            }
        }

        [Fact]
        public void Dumping_a_pin_of_the_wrong_kind_names_what_is_pinned_there()
        {
            // before: 'prog dump …/link' read the link's info as a program's and printed an empty program with exit 0;
            // 'map dump …/xdp_root' failed with "bpf(BPF_MAP_GET_NEXT_KEY) failed: EINVAL"
            using var network = new RootArrayNetwork();
            Assert.Equal(0, network.Cli("attach", network.Name, "--mode", "generic", "--slots", "2").ExitCode);
            RootArrayPaths paths = network.Paths;

            CliRun progOfLink = network.Cli("prog", "dump", paths.Link);
            CliRun progOfMap = network.Cli("prog", "dump", paths.Slots);
            CliRun mapOfProgram = network.Cli("map", "dump", paths.Program);
            CliRun mapOfLink = network.Cli("map", "dump", paths.Link);

            Assert.Equal((1, $"ebpf-managed: '{paths.Link}' is a pinned link, not a program\n", ""), (progOfLink.ExitCode, progOfLink.Error, progOfLink.Output));
            Assert.Equal((1, $"ebpf-managed: '{paths.Slots}' is a pinned map, not a program\n"), (progOfMap.ExitCode, progOfMap.Error));
            Assert.Equal((1, $"ebpf-managed: '{paths.Program}' is a pinned program, not a map\n"), (mapOfProgram.ExitCode, mapOfProgram.Error));
            Assert.Equal((1, $"ebpf-managed: '{paths.Link}' is a pinned link, not a map\n"), (mapOfLink.ExitCode, mapOfLink.Error));
            Assert.Equal(0, network.Cli("prog", "dump", paths.Program).ExitCode);
            Assert.Equal(0, network.Cli("map", "dump", paths.Stats).ExitCode);
        }

        [Fact]
        public void Sample_with_an_empty_pcap_path_is_a_usage_error()
        {
            // before: Path.GetFullPath("") threw once the sampler was found: exit 70
            using var network = new RootArrayNetwork();
            Assert.Equal(0, network.Cli("attach", network.Name, "--mode", "generic", "--slots", "2").ExitCode);
            Assert.Equal(0, network.Cli("slot", "load", network.Name, "1", "Sampler").ExitCode);

            CliRun run = network.Cli("sample", network.Name, "-w", "", "--duration", "0.1");

            Assert.Equal(2, run.ExitCode);
            Assert.Equal("ebpf-managed: -w: an empty path\n", run.Error);
        }

        [Fact]
        public void Detach_from_a_namespace_without_the_interface_leaves_the_other_namespace_s_root_array_alone()
        {
            // before: pins are keyed by name in the one bpffs, so 'detach X' in a namespace without X detached the X of
            // another namespace (inside a namespace, 'detach eth0' would have detached the host's eth0)
            using var network = new RootArrayNetwork();
            Assert.Equal(0, network.Cli("attach", network.Name, "--mode", "generic", "--slots", "2").ExitCode);

            CliRun elsewhere;
            using (network.Sender.Enter())
            {
                elsewhere = CliRun.Of("detach", network.Name);
            }

            Assert.Equal(1, elsewhere.ExitCode);
            Assert.StartsWith($"ebpf-managed: no network interface named '{network.Name}' in this network namespace, but {network.Paths.Directory} holds a root array attached to interface index ", elsewhere.Error);
            Assert.True(network.Status().GetProperty("attached").GetBoolean());
            Assert.Contains("xdpgeneric", network.LinkShow());
            Assert.Equal(0, network.Cli("detach", network.Name).ExitCode);
            Assert.False(network.AnyPinsLeft());
        }

        [Theory]
        [InlineData("two\nlines")]
        [InlineData("tab\tbed")]
        public void A_tag_with_control_characters_is_a_usage_error(string tag)
        {
            // before: accepted; 'filter status' then printed the entry across two lines or with a stray tab column
            CliRun run = CliRun.Of("filter", "drop", "add", "192.0.2.0/24", "--interface", "nosuch0", "--tag", tag);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal("ebpf-managed: --tag: a tag is one line of text: no tabs, newlines or other control characters\n", run.Error);
        }

        [Theory]
        [InlineData("--watch prints tables that refresh; it cannot be combined with --json", "status", "--watch", "--count", "1", "--json")]
        [InlineData("--count only applies to --watch", "status", "--count", "1")]
        public void Status_options_that_would_be_ignored_are_usage_errors(string message, params string[] args)
        {
            // before: --json was silently ignored with --watch (tables, not JSON), and --count without --watch
            CliRun run = CliRun.Of(args);

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("ebpf-managed: error: " + message, run.Error);
        }

        [Fact]
        public void Load_pinning_outside_bpffs_says_so_and_creates_nothing()
        {
            // before: "BPF_OBJ_PIN: permission denied: this needs root" (to root), and the directory was left behind
            string directory = Path.Combine(Path.GetTempPath(), "qa-pin-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            string programs = typeof(Ebpf.Programs.RootArray.XdpRoot).Assembly.Location;

            CliRun run = CliRun.Of("load", "--assembly", programs, "--class", "XdpChain", "--pin", directory);

            Assert.Equal(1, run.ExitCode);
            string fileSystem = BpfFsPaths.FileSystemOf(directory);
            Assert.NotEqual("bpf", fileSystem);
            Assert.Equal($"ebpf-managed: --pin {directory}: not on a bpffs ({fileSystem}); pins live under a bpf mount such as /sys/fs/bpf\n", run.Error);
            Assert.False(Directory.Exists(directory));
        }
    }
}
