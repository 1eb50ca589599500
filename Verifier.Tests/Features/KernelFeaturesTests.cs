using System;
using Ebpf.Loader.Features;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Features
{
    public sealed class KernelFeaturesTests : KernelTest
    {
        [Fact]
        public void Xdp_expected_attach_type_is_accepted_from_5_9_on()
        {
            KernelRequirement.Require(KernelVersion.AtLeast(5, 9), $"kernel {KernelVersion.Current} predates BPF_XDP as expected_attach_type (5.9)");

            Assert.True(KernelFeatures.XdpExpectedAttachType);
        }

        [Fact]
        public void The_running_kernel_version_is_read_from_osrelease()
        {
            Assert.True(KernelVersion.Current >= new Version(3, 18), KernelVersion.Current.ToString());
            Assert.Equal(new Version(6, 18, 44), KernelVersion.Parse("6.18.44-fc-v669\n"));
            Assert.Equal(new Version(5, 10, 0), KernelVersion.Parse("5.10-rc1"));
        }
    }
}
