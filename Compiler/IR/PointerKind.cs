namespace Ebpf.Compiler.IR
{
    /// <summary>The kinds of pointer the kernel verifier tells apart; <see cref="None"/> is a plain scalar.</summary>
    public enum PointerKind : byte
    {
        /// <summary>Not a pointer: a scalar (SCALAR_VALUE).</summary>
        None = 0,
        /// <summary>The program's context argument (PTR_TO_CTX).</summary>
        Context,
        /// <summary>Into the program's stack frame (PTR_TO_STACK).</summary>
        Stack,
        /// <summary>Into packet data (PTR_TO_PACKET); readable only after a bounds check against <see cref="PacketEnd"/>.</summary>
        Packet,
        /// <summary>One past the packet data (PTR_TO_PACKET_END); only compared, never dereferenced.</summary>
        PacketEnd,
        /// <summary>Into a map value (PTR_TO_MAP_VALUE).</summary>
        MapValue,
        /// <summary>A map value or null, as a lookup returns it (PTR_TO_MAP_VALUE_OR_NULL); compare with 0, then <see cref="ConversionKind.AssumeNonNull"/>.</summary>
        MapValueOrNull,
        /// <summary>A map itself, loaded with LD_IMM64 (CONST_PTR_TO_MAP); passed to helpers only.</summary>
        Map,
    }
}
