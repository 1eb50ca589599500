using Ebpf.Dsl;
using Ebpf.Dsl.Maps;

namespace Ebpf.Verifier.Tests.Differential.Programs
{
    /// <summary>
    /// Division and remainder by the packet's value as is. Ordinary C# on the CLR (it throws DivideByZeroException for
    /// y == 0 and OverflowException for MinValue / -1), and refused by the compiler with EBPF3004 at each operator, since
    /// the kernel would return a value there instead. <see cref="KernelDivision"/> spells out what the kernel returns.
    /// </summary>
    public static class UnguardedDivision
    {
        public static readonly ArrayMap<long> Results = new(maxEntries: 6);

        [Xdp]
        public static XdpAction Divide(XdpContext ctx)
        {
            if (!ctx.Packet.TryRead(14, out long x) || !ctx.Packet.TryRead(22, out long y))
            {
                return XdpAction.Pass;
            }

            Store(0, x / y);
            Store(1, x % y);
            Store(2, (int)x / (int)y);
            Store(3, (int)x % (int)y);
            Store(4, (long)((ulong)x / (ulong)y));
            Store(5, (uint)x % (uint)y);
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
