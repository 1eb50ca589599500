using System;

namespace Ebpf.Verifier.Tests.Infrastructure
{
    /// <summary>
    /// A veth pair with unique names (em&lt;random&gt;a / em&lt;random&gt;b) in the root namespace, up, deleted on
    /// dispose. Tests never touch eth0 or lo.
    /// </summary>
    public sealed class VethPair : IDisposable
    {
        /// <summary>Creates the pair.</summary>
        public VethPair()
        {
            KernelRequirement.Require(Shell.Run("ip", "-V").ExitCode == 0, "the ip tool (iproute2) is missing");
            string stem = "em" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Name = stem + "a";
            PeerName = stem + "b";
            Shell.Check("ip", "link", "add", Name, "type", "veth", "peer", "name", PeerName);
            try
            {
                Shell.Check("ip", "link", "set", Name, "up");
                Shell.Check("ip", "link", "set", PeerName, "up");
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        /// <summary>The first end (the one tests attach to).</summary>
        public string Name { get; }

        /// <summary>The other end.</summary>
        public string PeerName { get; }

        /// <summary>Deletes both ends (deleting one removes the pair).</summary>
        public void Dispose() => Shell.Run("ip", "link", "del", Name);
    }
}
