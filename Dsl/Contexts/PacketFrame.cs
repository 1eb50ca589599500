namespace Ebpf.Dsl
{
    /// <summary>
    /// The CLR backing of a packet buffer: one byte array from data_hard_start, with the kernel's data_meta, data and
    /// data_end as offsets into it. <see cref="Generation"/> changes whenever the boundaries move, which invalidates
    /// packet references taken before (the verifier does the same to packet pointers).
    /// </summary>
    internal sealed class PacketFrame
    {
        public PacketFrame(byte[] buffer, int data, int dataEnd, int hardEnd)
        {
            Buffer = buffer;
            DataMeta = data;
            Data = data;
            DataEnd = dataEnd;
            HardEnd = hardEnd;
        }

        public byte[] Buffer { get; }

        public int DataMeta { get; set; }

        public int Data { get; set; }

        public int DataEnd { get; set; }

        /// <summary>The end a frame may grow to (data_hard_end: frame size minus reserved tailroom).</summary>
        public int HardEnd { get; }

        public int Generation { get; private set; }

        public void Invalidate() => Generation++;
    }
}
