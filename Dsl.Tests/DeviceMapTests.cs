using Ebpf.Dsl.Maps;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    public class DeviceMapTests
    {
        [Fact]
        public void RedirectUsesTheSlotOrTheFallback()
        {
            var ports = new DeviceMap(maxEntries: 4);
            ports.Set(1, 7);

            Assert.Equal(XdpAction.Redirect, ports.Redirect(1));
            Assert.Equal(7u, ports.LastRedirectTarget);
            Assert.Equal(XdpAction.Aborted, ports.Redirect(0));
            Assert.Equal(XdpAction.Pass, ports.Redirect(0, XdpAction.Pass));
            Assert.Equal(XdpAction.Drop, ports.Redirect(9, XdpAction.Drop));
            Assert.Equal(XdpAction.Aborted, ports.Redirect(1, XdpAction.Redirect));
            ports.Clear(1);
            Assert.Equal(XdpAction.Tx, ports.Redirect(1, XdpAction.Tx));
        }
    }
}
