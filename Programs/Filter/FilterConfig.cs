using System.Runtime.InteropServices;

namespace Ebpf.Programs.Filter
{
    /// <summary>
    /// The filter's configuration on one interface: entry 0 of the pinned one-entry array <c>filter_config</c>
    /// (ecbpf's <c>struct filter_configuration</c>). A new array is all zeros: fragments pass, no replies.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct FilterConfig
    {
        /// <summary>Non-zero: count and drop IPv4 fragments (frags_drop).</summary>
        public byte FragsDrop;

        /// <summary>Non-zero: answer a first fragment with ICMP "fragmentation needed" (ptb_send; needs
        /// <see cref="FragsDrop"/>).</summary>
        public byte PtbSend;

        /// <summary>Padding, always 0.</summary>
        public ushort Reserved;

        /// <summary>At most this many "fragmentation needed" replies per second, across CPUs (ptb_max_pps).</summary>
        public uint PtbMaxPps;
    }
}
