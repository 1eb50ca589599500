using Ebpf.Asm;
using Ebpf.Loader.RootArray;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>Slot programs in assembly for the tests, built on <see cref="SlotProgramAssembly"/>'s epilogue.</summary>
    public static class SlotPrograms
    {
        /// <summary>Drops IPv4 UDP to <paramref name="port"/> (IHL 5), passes everything else.</summary>
        public static CollectionImage DropUdpPort(string name, int port, int slot, int slots)
        {
            int littleEndian = ((port & 0xff) << 8) | (port >> 8);
            string body = $@"
    r6 = r1
    r0 = 2                          # XDP_PASS unless it is our port
    r2 = *(u32 *)(r6 + 0)
    r3 = *(u32 *)(r6 + 4)
    r4 = r2
    r4 += 38
    if r4 > r3 goto slot_epilogue
    r4 = *(u16 *)(r2 + 12)
    if r4 != 0x0008 goto slot_epilogue
    r4 = *(u8 *)(r2 + 23)
    if r4 != 17 goto slot_epilogue
    r4 = *(u16 *)(r2 + 36)
    if r4 != {littleEndian} goto slot_epilogue
    r0 = 1                          # XDP_DROP
    goto slot_epilogue
";
            return SlotProgramAssembly.Build(name, body, slot, slots);
        }

        /// <summary>Returns <paramref name="verdict"/> for every packet.</summary>
        public static CollectionImage Constant(string name, int verdict, int slot, int slots) =>
            SlotProgramAssembly.Build(name, $"    r6 = r1\n    r0 = {verdict}\n    goto slot_epilogue\n", slot, slots);
    }
}
