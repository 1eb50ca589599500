namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// Offsets of the context fields the DSL exposes, from /usr/include/linux/bpf.h: <c>struct xdp_md</c> for XDP,
    /// <c>struct __sk_buff</c> for socket filters, tc and cgroup_skb. The verifier rewrites these loads into the
    /// kernel's real structures.
    /// </summary>
    internal static class ContextLayout
    {
        /// <summary>Offset of <c>data</c>, <c>data_end</c> or <c>data_meta</c>.</summary>
        public static int Data(bool xdp) => xdp ? 0 : 76;

        public static int DataEnd(bool xdp) => xdp ? 4 : 80;

        public static int DataMeta(bool xdp) => xdp ? 8 : 140;

        /// <summary>The offset and width in bytes of a context property, or null when the DSL property has no field.</summary>
        public static (int Offset, int Size, bool ByteSwap)? Field(bool xdp, string property)
        {
            if (xdp)
            {
                switch (property)
                {
                    case "IngressIfindex": return (12, 4, false);
                    case "RxQueueIndex": return (16, 4, false);
                    case "EgressIfindex": return (20, 4, false);
                    default: return null;
                }
            }

            switch (property)
            {
                case "Length": return (0, 4, false);
                case "PacketType": return (4, 4, false);
                case "Mark": return (8, 4, false);
                case "QueueMapping": return (12, 4, false);
                case "Protocol": return (16, 4, true);
                case "VlanPresent": return (20, 4, false);
                case "VlanTci": return (24, 4, false);
                case "VlanProto": return (28, 4, true);
                case "Priority": return (32, 4, false);
                case "IngressIfindex": return (36, 4, false);
                case "Ifindex": return (40, 4, false);
                case "TcIndex": return (44, 4, false);
                case "Cb": return (48, 20, false);
                case "Hash": return (68, 4, false);
                case "TcClassid": return (72, 4, false);
                case "NapiId": return (84, 4, false);
                case "Family": return (88, 4, false);
                case "RemoteIp4": return (92, 4, false);
                case "LocalIp4": return (96, 4, false);
                case "RemotePort": return (132, 4, false);
                case "LocalPort": return (136, 4, false);
                case "Tstamp": return (152, 8, false);
                case "WireLength": return (160, 4, false);
                case "GsoSegments": return (164, 4, false);
                case "GsoSize": return (176, 4, false);
                default: return null;
            }
        }
    }
}
