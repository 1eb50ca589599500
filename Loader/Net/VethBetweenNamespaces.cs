using System.Collections.Generic;

namespace Ebpf.Loader.Net
{
    /// <summary>
    /// Joins two network namespaces with a veth pair: addresses on both ends, IPv6 off (so no router solicitations or
    /// MLD reach an XDP program), both ends up; optionally with permanent neighbour entries, so no ARP frames either.
    /// Deleting either namespace deletes the pair.
    /// </summary>
    public static class VethBetweenNamespaces
    {
        /// <summary>Creates <paramref name="nearName"/> in <paramref name="near"/> and its peer <paramref name="farName"/> in <paramref name="far"/>.</summary>
        /// <param name="near">The namespace of the first end.</param>
        /// <param name="nearName">The first end's interface name (at most 15 bytes).</param>
        /// <param name="nearCidr">The first end's address with prefix, e.g. 192.0.2.1/24.</param>
        /// <param name="far">The namespace of the peer.</param>
        /// <param name="farName">The peer's interface name.</param>
        /// <param name="farCidrs">The peer's addresses with prefixes.</param>
        /// <param name="staticNeighbours">Whether to add permanent neighbour entries for every address on both sides.</param>
        /// <exception cref="System.InvalidOperationException">An <c>ip</c> or <c>sysctl</c> step failed (it names the command).</exception>
        public static void Create(NetworkNamespace near, string nearName, string nearCidr, NetworkNamespace far, string farName, IReadOnlyList<string> farCidrs, bool staticNeighbours)
        {
            near.Check("ip", "link", "add", nearName, "type", "veth", "peer", "name", farName, "netns", far.Name);
            near.Check("sysctl", "-q", "-w", $"net.ipv6.conf.{nearName}.disable_ipv6=1");
            far.Check("sysctl", "-q", "-w", $"net.ipv6.conf.{farName}.disable_ipv6=1");
            near.Check("ip", "addr", "add", nearCidr, "dev", nearName);
            foreach (string cidr in farCidrs)
            {
                far.Check("ip", "addr", "add", cidr, "dev", farName);
            }

            if (staticNeighbours)
            {
                string nearMac = near.Check("cat", $"/sys/class/net/{nearName}/address").Trim();
                string farMac = far.Check("cat", $"/sys/class/net/{farName}/address").Trim();
                foreach (string cidr in farCidrs)
                {
                    near.Check("ip", "neigh", "replace", Address(cidr), "lladdr", farMac, "dev", nearName, "nud", "permanent");
                }

                far.Check("ip", "neigh", "replace", Address(nearCidr), "lladdr", nearMac, "dev", farName, "nud", "permanent");
            }

            near.Check("ip", "link", "set", nearName, "up");
            far.Check("ip", "link", "set", farName, "up");
        }

        private static string Address(string cidr) => cidr.Split('/')[0];
    }
}
