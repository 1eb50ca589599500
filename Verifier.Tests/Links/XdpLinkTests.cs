using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Links;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Links
{
    public sealed class XdpLinkTests : KernelTest
    {
        [Theory]
        [InlineData(XdpMode.Generic, "xdpgeneric")]
        [InlineData(XdpMode.Native, "xdp")]
        public void An_xdp_link_attaches_to_a_veth_and_shows_in_ip_link(XdpMode mode, string ipLinkWord)
        {
            using var veth = new VethPair();
            using BpfProgram pass = LoadXdp("xdp_pass", 2);

            using (BpfLink link = BpfLink.AttachXdp(pass, veth.Name, mode))
            {
                LinkInfo info = link.Info();
                string shown = Shell.Check("ip", "link", "show", veth.Name);

                Assert.Equal(LinkType.Xdp, info.Type);
                Assert.Equal(NetworkInterfaces.IndexOf(veth.Name), info.InterfaceIndex);
                Assert.Equal(pass.Id, info.ProgramId);
                Assert.Contains(ipLinkWord + " ", shown);
                Assert.Contains(KernelObjects.Links(), l => l.Id == info.Id);
            }

            Assert.DoesNotContain("prog/xdp", Shell.Check("ip", "link", "show", veth.Name));
        }

        [Fact]
        public void Update_swaps_the_program_atomically_and_checks_the_expected_one()
        {
            using var veth = new VethPair();
            using BpfProgram pass = LoadXdp("xdp_pass", 2);
            using BpfProgram drop = LoadXdp("xdp_drop", 1);
            using BpfLink link = BpfLink.AttachXdp(pass, veth.Name, XdpMode.Generic);

            link.Update(drop, expected: pass);
            uint attached = link.Info().ProgramId;
            BpfException stale = Assert.Throws<BpfException>(() => link.Update(pass, expected: pass));

            Assert.Equal(drop.Id, attached);
            Assert.Equal(Errno.EPERM, stale.Errno);
            Assert.Contains("no longer the attached one", stale.Message);
        }

        [Fact]
        public void Detach_leaves_a_defunct_link_and_frees_the_interface()
        {
            using var veth = new VethPair();
            using BpfProgram pass = LoadXdp("xdp_pass", 2);
            using BpfLink link = BpfLink.AttachXdp(pass, veth.Name, XdpMode.Generic);

            link.Detach();
            using BpfLink again = BpfLink.AttachXdp(pass, veth.Name, XdpMode.Generic);

            Assert.Equal(0, link.Info().InterfaceIndex);
            Assert.Equal(NetworkInterfaces.IndexOf(veth.Name), again.Info().InterfaceIndex);
        }

        [Fact]
        public void A_second_xdp_link_on_one_interface_is_refused_with_a_reason()
        {
            using var veth = new VethPair();
            using BpfProgram pass = LoadXdp("xdp_pass", 2);
            using BpfLink link = BpfLink.AttachXdp(pass, veth.Name, XdpMode.Generic);

            BpfException error = Assert.Throws<BpfException>(() => BpfLink.AttachXdp(pass, veth.Name, XdpMode.Generic));

            Assert.Contains("already attached to " + veth.Name, error.Message);
        }

        [Fact]
        public void A_pinned_link_keeps_the_program_attached_after_the_fd_closes()
        {
            using var veth = new VethPair();
            using var pins = new PinDirectory();
            using BpfProgram pass = LoadXdp("xdp_pass", 2);
            using (BpfLink link = BpfLink.AttachXdp(pass, veth.Name, XdpMode.Generic))
            {
                link.Pin(pins["link"]);
            }

            using (BpfLink reopened = BpfLink.OpenPinned(pins["link"]))
            {
                Assert.Equal(pass.Id, reopened.Info().ProgramId);
                Assert.Contains("xdpgeneric", Shell.Check("ip", "link", "show", veth.Name));
            }

            Assert.True(BpfLink.Unpin(pins["link"]));
        }

        [Fact]
        public void Attaching_to_a_missing_interface_names_it()
        {
            using BpfProgram pass = LoadXdp("xdp_pass", 2);

            System.ArgumentException error = Assert.Throws<System.ArgumentException>(() => BpfLink.AttachXdp(pass, "em-no-such-if"));

            Assert.Contains("no network interface named 'em-no-such-if'", error.Message);
        }

        private static BpfProgram LoadXdp(string name, int verdict) =>
            BpfProgram.Load(AsmPrograms.FromText($"r0 = {verdict}\nexit\n", name, ProgramType.Xdp, AttachType.Xdp));
    }
}
