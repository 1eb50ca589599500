using System.Runtime.InteropServices;

namespace Ebpf.Programs.Filter
{
    /// <summary>
    /// The filter's counters: entry 0 of the per-CPU array <c>filter_stats</c> (one copy per CPU; user space sums
    /// them). Names and meanings follow ecbpf's <c>struct filter_state</c>.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct FilterStats
    {
        /// <summary>Frames too short for their Ethernet, IPv4 or IPv6 header (ABORTED).</summary>
        public ulong EthFrameErr;

        /// <summary>IPv4 headers refused: options (IHL ≠ 5) or the evil bit (DROP), a total length beyond the frame
        /// (ABORTED), a first fragment whose payload is not a non-zero multiple of 8 (DROP).</summary>
        public ulong IpHeaderErr;

        /// <summary>IPv6 headers whose payload length runs beyond the frame (ABORTED).</summary>
        public ulong Ip6HeaderErr;

        /// <summary>IPv4 packets dropped because the source is in <c>filter_drop4</c>.</summary>
        public ulong IpDropCount;

        /// <summary>IPv6 packets dropped because the source is in <c>filter_drop6</c>.</summary>
        public ulong Ip6DropCount;

        /// <summary>IPv4 fragments dropped (frags_drop), including those answered with a reply.</summary>
        public ulong IpFragDropCount;

        /// <summary>"Fragmentation needed" replies sent (XDP_TX).</summary>
        public ulong PtbSentCount;

        /// <summary>Replies not sent because ptb_max_pps was reached in the current second (the fragment is dropped).</summary>
        public ulong PtbErrCount;

        /// <summary>Replies not sent because the frame could not be grown or trimmed (bpf_xdp_adjust_head/tail failed; ABORTED).</summary>
        public ulong PtbMemErrCount;
    }
}
