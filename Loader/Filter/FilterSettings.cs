using Ebpf.Programs.Filter;

namespace Ebpf.Loader.Filter
{
    /// <summary>The filter's configuration on one interface (ecbpf's frags_drop, ptb_send, ptb_max_pps).</summary>
    /// <param name="FragsDrop">Count and drop IPv4 fragments.</param>
    /// <param name="PtbSend">Answer first fragments with ICMP "fragmentation needed" (only with <paramref name="FragsDrop"/>).</param>
    /// <param name="PtbMaxPps">At most this many replies per second, across CPUs.</param>
    public sealed record FilterSettings(bool FragsDrop, bool PtbSend, uint PtbMaxPps)
    {
        /// <summary>The settings of a kernel config entry.</summary>
        public static FilterSettings From(FilterConfig config) => new(config.FragsDrop != 0, config.PtbSend != 0, config.PtbMaxPps);

        /// <summary>The kernel config entry.</summary>
        public FilterConfig ToConfig() => new() { FragsDrop = (byte)(FragsDrop ? 1 : 0), PtbSend = (byte)(PtbSend ? 1 : 0), PtbMaxPps = PtbMaxPps };
    }
}
