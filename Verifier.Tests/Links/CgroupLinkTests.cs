using Ebpf.Asm;
using Ebpf.Loader.Links;
using Ebpf.Loader.Programs;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Links
{
    public sealed class CgroupLinkTests : KernelTest
    {
        [Fact]
        public void An_egress_link_on_a_fresh_cgroup_reports_its_attach_type()
        {
            using var cgroup = new TestCgroup();
            using BpfProgram allow = LoadEgress("allow_all", 1);

            using BpfLink link = BpfLink.AttachCgroup(allow, cgroup.Path, AttachType.CgroupInetEgress);
            LinkInfo info = link.Info();

            Assert.Equal(LinkType.Cgroup, info.Type);
            Assert.Equal(AttachType.CgroupInetEgress, info.AttachType);
            Assert.Equal(allow.Id, info.ProgramId);
            Assert.NotEqual(0ul, info.CgroupId);
        }

        [Fact]
        public void A_deny_program_on_egress_stops_a_process_in_the_cgroup_from_sending()
        {
            using var cgroup = new TestCgroup();
            using BpfProgram allow = LoadEgress("allow_all", 1);
            using BpfProgram deny = LoadEgress("deny_all", 0);
            // bash opens a UDP socket for /dev/udp and sends one datagram over lo; a denied egress fails the write with EPERM
            string send = $"echo $$ > {cgroup.Path}/cgroup.procs && echo probe > /dev/udp/127.0.0.1/9";

            using BpfLink link = BpfLink.AttachCgroup(allow, cgroup.Path, AttachType.CgroupInetEgress);
            (int allowedExit, string allowedOutput) = Shell.Run("bash", "-c", send);
            link.Update(deny);
            (int deniedExit, string deniedOutput) = Shell.Run("bash", "-c", send);

            Assert.True(allowedExit == 0, allowedOutput);
            Assert.NotEqual(0, deniedExit);
            Assert.Contains("Operation not permitted", deniedOutput);
        }

        private static BpfProgram LoadEgress(string name, int verdict) =>
            BpfProgram.Load(AsmPrograms.FromText($"r0 = {verdict}\nexit\n", name, ProgramType.CgroupSkb, AttachType.CgroupInetEgress));
    }
}
