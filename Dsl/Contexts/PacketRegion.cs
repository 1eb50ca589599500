namespace Ebpf.Dsl
{
    /// <summary>Which span of the frame a <see cref="Packet"/> covers.</summary>
    internal enum PacketRegion
    {
        /// <summary>From data to data_end: the packet itself.</summary>
        Data,
        /// <summary>From data_meta to data: metadata in front of the packet.</summary>
        Metadata,
    }
}
