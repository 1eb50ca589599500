using Ebpf.Dsl;
using Ebpf.Dsl.Maps;

namespace Ebpf.Verifier.Tests.Differential.Programs
{
    /// <summary>
    /// <see cref="UnguardedDivision"/> with the kernel's results written out as guards the compiler proves (EBPF3004):
    /// x / 0 == 0, x % 0 == x, MinValue / -1 == MinValue (as -x), x % -1 == 0. It compiles, and gives the same results
    /// on the CLR as in the kernel; the harness self-test runs its image against <see cref="UnguardedDivision"/>'s CLR code.
    /// </summary>
    public static class KernelDivision
    {
        public static readonly ArrayMap<long> Results = new(maxEntries: 6);

        [Xdp]
        public static XdpAction Divide(XdpContext ctx)
        {
            if (!ctx.Packet.TryRead(14, out long x) || !ctx.Packet.TryRead(22, out long y))
            {
                return XdpAction.Pass;
            }

            int xi = (int)x;
            int yi = (int)y;
            ulong xu = (ulong)x;
            ulong yu = (ulong)y;
            uint xw = (uint)x;
            uint yw = (uint)y;
            Store(0, y == 0 ? 0 : y == -1 ? unchecked(-x) : x / y);
            Store(1, y == 0 ? x : y == -1 ? 0 : x % y);
            Store(2, yi == 0 ? 0 : yi == -1 ? unchecked(-xi) : xi / yi);
            Store(3, yi == 0 ? xi : yi == -1 ? 0 : xi % yi);
            Store(4, (long)(yu == 0 ? 0 : xu / yu));
            Store(5, yw == 0 ? xw : xw % yw);
            return XdpAction.Pass;
        }

        private static void Store(uint index, long value)
        {
            var slot = Results.Lookup(index);
            if (slot is not null)
            {
                slot.Value = value;
            }
        }
    }
}
