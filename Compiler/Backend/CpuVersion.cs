namespace Ebpf.Compiler.Backend
{
    /// <summary>The eBPF instruction set level the backend may use (clang's <c>-mcpu=v3</c> / <c>v4</c>).</summary>
    public enum CpuVersion
    {
        /// <summary>ALU32, JMP32 and the v2 jumps (kernel 5.1).</summary>
        V3 = 3,
        /// <summary>Adds sign-extending loads and moves, signed division and remainder, bswap, gotol (kernel 6.6).</summary>
        V4 = 4,
    }
}
