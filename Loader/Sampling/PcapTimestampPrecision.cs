namespace Ebpf.Loader.Sampling
{
    /// <summary>The timestamp unit of a classic pcap file, told by its magic number.</summary>
    public enum PcapTimestampPrecision
    {
        /// <summary>Microseconds (magic 0xa1b2c3d4): what every reader understands.</summary>
        Microseconds,

        /// <summary>Nanoseconds (magic 0xa1b23c4d): libpcap 1.5 and later, Wireshark; <c>tcpdump --nano</c> prints them.</summary>
        Nanoseconds,
    }
}
