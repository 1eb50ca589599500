using System;
using System.IO;
using System.Text.Json;
using Ebpf.Loader.Links;
using Ebpf.Loader.Loading;
using Ebpf.Loader.RootArray;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary><c>attach</c>, <c>status</c>, <c>detach</c> in-process on a veth pair between private namespaces, with real traffic.</summary>
    public sealed class AttachCliTests : KernelTest
    {
        [Theory]
        [InlineData("generic")]
        [InlineData("native")]
        public void Udp_and_ping_with_empty_slots_are_counted_as_pass_in_the_root_row(string mode)
        {
            using var network = new RootArrayNetwork();
            CliRun attach = network.Cli("attach", network.Name, "--mode", mode);
            Assert.True(attach.ExitCode == 0, attach.Error);
            Assert.Contains(mode == "native" ? "xdp " : "xdpgeneric ", network.LinkShow());

            network.SendUdp(9, 3);
            Assert.Equal(2, network.Ping(2));
            JsonElement status = network.StatusWhen(s => Pass(s.GetProperty("root")), 5);

            Assert.True(status.GetProperty("attached").GetBoolean());
            Assert.Equal("xdp_root", status.GetProperty("root").GetProperty("name").GetString());
            Assert.Equal(5, Pass(status.GetProperty("root")));     // 3 datagrams + 2 echo requests, nothing else arrives
            Assert.Equal(0, status.GetProperty("root").GetProperty("xdp_aborted").GetInt64());
            Assert.Equal(8, status.GetProperty("slots").GetArrayLength());
            foreach (JsonElement slot in status.GetProperty("slots").EnumerateArray())
            {
                Assert.False(slot.TryGetProperty("id", out _));
                Assert.Equal(0, Pass(slot));
            }
        }

        [Fact]
        public void A_slot_program_drops_its_port_counts_in_its_row_and_passes_the_rest_on()
        {
            using var network = new RootArrayNetwork();
            Assert.Equal(0, network.Cli("attach", network.Name, "--mode", "generic").ExitCode);
            var options = new LoadOptions { PinDirectory = network.Paths.Directory };
            using (LoadedCollection dropper = Collection.Load(SlotPrograms.DropUdpPort("drop_udp9", 9, 2, 8), options))
            using (LoadedCollection passer = Collection.Load(SlotPrograms.Constant("pass_all", 2, 5, 8), options))
            using (AttachedRootArray array = AttachedRootArray.Open(network.Name))
            {
                array.Slots.Set(2, dropper.Program("drop_udp9"));
                array.Slots.Set(5, passer.Program("pass_all"));
            }

            network.SendUdp(9, 3);
            network.SendUdp(10, 2);
            Assert.Equal(2, network.Ping(2));
            JsonElement status = network.StatusWhen(s => Pass(s.GetProperty("slots")[5]), 4);

            JsonElement dropSlot = status.GetProperty("slots")[2];
            Assert.Equal("drop_udp9", dropSlot.GetProperty("name").GetString());
            Assert.Equal(3, dropSlot.GetProperty("xdp_drop").GetInt64());
            Assert.Equal(4, Pass(dropSlot));                                // 2 datagrams to port 10 + 2 echo requests
            JsonElement passSlot = status.GetProperty("slots")[5];
            Assert.Equal(4, Pass(passSlot));
            Assert.Equal(0, passSlot.GetProperty("xdp_drop").GetInt64());
            Assert.Equal(0, Pass(status.GetProperty("root")));               // every frame reached a slot

            CliRun table = network.Cli("status", network.Name);
            Assert.Contains($"Interface {network.Name} status:", table.Output);
            Assert.Matches(@"\n   2 \| +\d+ \| drop_udp9 +\| \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000 +\| +0 \| +3 \| +4 \| +0 \| +0 \| +0\n", table.Output);
        }

        [Fact]
        public void Attaching_twice_is_a_no_op()
        {
            using var network = new RootArrayNetwork();
            CliRun first = network.Cli("attach", network.Name);
            CliRun second = network.Cli("attach", network.Name);

            Assert.Equal(0, first.ExitCode);
            Assert.Equal(0, second.ExitCode);
            Assert.Contains("already attached", second.Output);
            string id = network.Status().GetProperty("root").GetProperty("id").GetUInt32().ToString();
            Assert.Contains($"program id {id}", first.Output);
            Assert.Contains($"program id {id}", second.Output);
            Assert.Contains($"prog/xdp id {id} ", network.LinkShow());
        }

        [Theory]
        [InlineData("bpf_link")]
        [InlineData("netlink")]
        public void Attach_refuses_when_another_program_owns_the_interface_and_force_replaces_it(string how)
        {
            using var network = new RootArrayNetwork();
            var image = new Ebpf.Asm.CollectionImage(Array.Empty<Ebpf.Asm.MapDefinition>(), new[] { AsmPrograms.FromText("r0 = 2\nexit\n", "other_xdp", Ebpf.Asm.ProgramType.Xdp) });
            using LoadedCollection other = Collection.Load(image);
            uint otherId = other.Program("other_xdp").Id;
            BpfLink? link = null;
            if (how == "bpf_link")
            {
                link = network.InReceiver(() => BpfLink.AttachXdp(other.Program("other_xdp"), network.Name, XdpMode.Generic));
            }
            else
            {
                // ip -n and ip netns exec mount a fresh /sys, which hides /sys/fs/bpf: pin in a bpffs mounted under /tmp
                string bpffs = Path.Combine(Path.GetTempPath(), "ebpf-test-bpffs-" + Guid.NewGuid().ToString("N").Substring(0, 8));
                Directory.CreateDirectory(bpffs);
                Shell.Check("mount", "-t", "bpf", "bpf", bpffs);
                try
                {
                    other.Program("other_xdp").Pin(Path.Combine(bpffs, "other_xdp"));
                    Shell.Check("ip", "-n", network.Receiver.Name, "link", "set", "dev", network.Name, "xdpgeneric", "pinned", Path.Combine(bpffs, "other_xdp"));
                }
                finally
                {
                    Shell.Run("umount", bpffs);
                    Directory.Delete(bpffs);
                }
            }

            using (link)
            {
                CliRun refused = network.Cli("attach", network.Name);
                Assert.Equal(1, refused.ExitCode);
                Assert.Equal(
                    $"ebpf-managed: {network.Name}: another XDP program is attached (id {otherId}, 'other_xdp', generic mode); use --force to replace it",
                    refused.Error.TrimEnd());
                Assert.False(network.AnyPinsLeft());
                Assert.Contains($"prog/xdp id {otherId} ", network.LinkShow());

                CliRun forced = network.Cli("attach", network.Name, "--force");
                Assert.True(forced.ExitCode == 0, forced.Error);
                Assert.Contains($"replaced XDP program id {otherId}", forced.Error);
                uint rootId = network.Status().GetProperty("root").GetProperty("id").GetUInt32();
                Assert.Contains($"prog/xdp id {rootId} ", network.LinkShow());
            }
        }

        [Fact]
        public void Detach_removes_the_link_and_every_pin()
        {
            using var network = new RootArrayNetwork();
            Assert.Equal(0, network.Cli("attach", network.Name).ExitCode);
            Assert.True(File.Exists(network.Paths.Link));

            CliRun detach = network.Cli("detach", network.Name);
            CliRun again = network.Cli("detach", network.Name);

            Assert.Equal(0, detach.ExitCode);
            Assert.Equal($"Root array detached from interface {network.Name}.", detach.Output.TrimEnd());
            Assert.False(Directory.Exists(network.Paths.Directory));
            Assert.DoesNotContain("xdp", network.LinkShow());
            Assert.Equal(0, again.ExitCode);
            Assert.Equal($"Root array not attached to interface {network.Name}.", again.Output.TrimEnd());
        }

        [Theory]
        [InlineData(RootArrayAttachStage.Loaded)]
        [InlineData(RootArrayAttachStage.Staged)]
        [InlineData(RootArrayAttachStage.Linked)]
        public void A_failure_midway_leaves_nothing_behind(RootArrayAttachStage stage)
        {
            using var network = new RootArrayNetwork();
            var options = new RootArrayAttachOptions
            {
                Mode = XdpMode.Generic,
                AfterStage = reached =>
                {
                    if (reached == stage)
                    {
                        throw new IOException("injected failure after " + reached);
                    }
                },
            };

            IOException error = Assert.Throws<IOException>(() => network.InReceiver(() => XdpRootArray.Attach(network.Name, options)));

            Assert.Contains(stage.ToString(), error.Message);
            Assert.False(network.AnyPinsLeft());
            Assert.DoesNotContain("xdp", network.LinkShow());
            Assert.Equal(0, network.Cli("attach", network.Name, "--mode", "generic").ExitCode); // and a retry works
        }

        [Fact]
        public void Bad_slot_counts_and_unknown_interfaces_are_one_line_errors_that_leave_nothing()
        {
            using var network = new RootArrayNetwork();
            CliRun zero = network.Cli("attach", network.Name, "--slots", "0");
            CliRun unknown = network.Cli("attach", "emnosuch0");

            Assert.Equal(2, zero.ExitCode);   // a usage error, like every other range error
            Assert.StartsWith("ebpf-managed: error: --slots: 0 is out of range (1..32: the root and its slots stay within the kernel's 33 tail calls)\n", zero.Error);
            Assert.False(network.AnyPinsLeft());
            Assert.DoesNotContain("xdp", network.LinkShow());
            Assert.Equal(1, unknown.ExitCode);
            Assert.Equal("ebpf-managed: no network interface named 'emnosuch0'", unknown.Error.TrimEnd());
        }

        [Fact]
        public void Status_of_an_interface_without_a_root_array_says_so()
        {
            using var network = new RootArrayNetwork();
            CliRun text = network.Cli("status", network.Name);
            JsonElement json = network.Status();

            Assert.Equal(0, text.ExitCode);
            Assert.Equal($"Interface {network.Name} status:\nRoot array not attached to interface {network.Name}.\n\n", text.Output.Replace("\r", string.Empty));
            Assert.False(json.GetProperty("attached").GetBoolean());
        }

        [Fact]
        public void Slots_are_configurable_at_attach()
        {
            using var network = new RootArrayNetwork();
            Assert.Equal(0, network.Cli("attach", network.Name, "--slots", "3", "--mode", "generic").ExitCode);

            JsonElement status = network.Status();

            Assert.Equal(3, status.GetProperty("slots").GetArrayLength());
        }

        [Fact]
        public void Pins_left_by_a_deleted_interface_show_as_stale_and_a_new_attach_replaces_them()
        {
            using var network = new RootArrayNetwork();
            Assert.Equal(0, network.Cli("attach", network.Name, "--mode", "generic").ExitCode);
            network.Receiver.Check("ip", "link", "del", network.Name);

            JsonElement stale = network.Status();
            network.Receiver.Check("ip", "link", "add", network.Name, "type", "veth", "peer", "name", network.PeerName, "netns", network.Sender.Name);
            network.Receiver.Check("ip", "link", "set", network.Name, "up");
            CliRun again = network.Cli("attach", network.Name, "--mode", "generic");

            Assert.False(stale.GetProperty("attached").GetBoolean());
            Assert.True(stale.GetProperty("stale").GetBoolean());
            Assert.True(again.ExitCode == 0, again.Error);
            Assert.Contains("removed stale pins", again.Error);
            Assert.True(network.Status().GetProperty("attached").GetBoolean());
            Assert.Contains("xdpgeneric", network.LinkShow());
        }

        [Fact]
        public void Watch_prints_a_table_of_rates_per_refresh()
        {
            using var network = new RootArrayNetwork();
            Assert.Equal(0, network.Cli("attach", network.Name, "--mode", "generic").ExitCode);

            CliRun watch = network.Cli("status", network.Name, "--watch", "--count", "2");

            Assert.Equal(0, watch.ExitCode);
            string[] headings = watch.Output.Replace("\r", string.Empty).Split('\n');
            Assert.Equal(2, Array.FindAll(headings, l => l == $"Interface {network.Name} packets per second:").Length);
            Assert.Equal(2, Array.FindAll(headings, l => l.StartsWith("root | ", StringComparison.Ordinal)).Length);
        }

        private static long Pass(JsonElement row) => row.GetProperty("xdp_pass").GetInt64();
    }
}
