using Ebpf.Dsl;
using Ebpf.Dsl.Maps;

namespace Ebpf.Verifier.Tests.Differential.Programs
{
    /// <summary>
    /// Integer corner cases with operands read from the packet (bytes 14–29: x at 14, y at 22), so random packets reach
    /// them: wrap-around, shift counts at and beyond the width, signed and unsigned division and remainder (divisors kept
    /// away from 0 and -1 in <see cref="GuardedDivision"/>, guarded by tests the compiler proves in <see cref="ProvenDivision"/>;
    /// the unguarded division is <see cref="UnguardedDivision"/>, refused with EBPF3004),
    /// narrowing and widening, signed and unsigned compares. Results go to an array, a run count to a per-CPU array,
    /// and a histogram of x's low byte to a hash map.
    /// </summary>
    public static class IntegerEdges
    {
        public static readonly ArrayMap<long> Results = new(maxEntries: 12);
        public static readonly PerCpuArrayMap<ulong> Runs = new(maxEntries: 1);
        public static readonly HashMap<uint, ulong> LowBytes = new(maxEntries: 64);

        [Xdp]
        public static XdpAction WrapAndShift(XdpContext ctx)
        {
            if (!ctx.Packet.TryRead(14, out long x) || !ctx.Packet.TryRead(22, out long y))
            {
                return XdpAction.Pass;
            }

            Count(x);
            int xi = (int)x;
            int yi = (int)y;
            uint xu = (uint)x;
            Store(0, xi + yi);
            Store(1, x * y);
            Store(2, xi * yi);
            Store(3, xi << yi);
            Store(4, x << (int)y);
            Store(5, xi >> (yi & 63));
            Store(6, xu >> yi);
            Store(7, x >> 64 + (yi & 7));
            Store(8, (long)((ulong)x >> (int)y));
            Store(9, unchecked(xi * 0x7FFF_FFFF + int.MaxValue));
            Store(10, -x ^ ~y);
            return (x & 1) == 0 ? XdpAction.Pass : XdpAction.Drop;
        }

        [Xdp]
        public static XdpAction GuardedDivision(XdpContext ctx)
        {
            if (!ctx.Packet.TryRead(14, out long x) || !ctx.Packet.TryRead(22, out long y))
            {
                return XdpAction.Pass;
            }

            Count(x);
            int xi = (int)x;
            int yi = (int)y;
            uint xu = (uint)x;
            uint yu = (uint)y;
            int divisor = yi == 0 || yi == -1 ? 7 : yi;
            Store(0, xi / divisor);
            Store(1, xi % divisor);
            long wideDivisor = y == 0 || y == -1 ? 9 : y;
            Store(2, x / wideDivisor);
            Store(3, x % wideDivisor);
            uint unsignedDivisor = yu == 0 ? 3u : yu;
            Store(4, xu / unsignedDivisor + xu % unsignedDivisor);
            ulong wideUnsigned = (ulong)y == 0 ? 5UL : (ulong)y;
            Store(5, (long)((ulong)x / wideUnsigned) ^ (long)((ulong)x % wideUnsigned));
            Store(6, xi / 1 + (x == long.MinValue ? 1 : 0) + (xi == int.MinValue ? 2 : 0));
            return XdpAction.Pass;
        }

        [Xdp]
        public static XdpAction Conversions(XdpContext ctx)
        {
            if (!ctx.Packet.TryRead(14, out long x) || !ctx.Packet.TryRead(22, out long y))
            {
                return XdpAction.Pass;
            }

            Count(x);
            int yi = (int)y;
            uint xu = (uint)x;
            Store(0, (sbyte)x + (short)y * 3);
            Store(1, (byte)x + (ushort)y + (uint)(int)(short)x);
            Store(2, (long)xu + (long)yi);
            Store(3, (int)(x >> 32) - int.MinValue);
            Store(4, (long)(ushort)(xu + 0xFFFFu));
            Store(5, (long)(ulong)(uint)(sbyte)y);
            Store(6, (short)(x >> 8) * (sbyte)(y >> 56));
            return XdpAction.Pass;
        }

        [Xdp]
        public static XdpAction Compares(XdpContext ctx)
        {
            if (!ctx.Packet.TryRead(14, out long x) || !ctx.Packet.TryRead(22, out long y))
            {
                return XdpAction.Pass;
            }

            Count(x);
            int xi = (int)x;
            int yi = (int)y;
            Store(0, (xi < yi ? 1 : 0) | ((uint)xi < (uint)yi ? 2 : 0) | (x < y ? 4 : 0) | ((ulong)x < (ulong)y ? 8 : 0));
            Store(1, ((sbyte)x < (byte)y ? 1 : 0) | ((short)x >= (ushort)y ? 2 : 0) | (x == y ? 4 : 0) | ((uint)x > (ulong)y ? 8 : 0));
            return x > y ? XdpAction.Tx : XdpAction.Pass;
        }

        [Xdp]
        public static XdpAction ProvenDivision(XdpContext ctx)
        {
            if (!ctx.Packet.TryRead(14, out long x) || !ctx.Packet.TryRead(22, out long y))
            {
                return XdpAction.Pass;
            }

            Count(x);
            int xi = (int)x;
            int yi = (int)y;
            uint xu = (uint)x;
            uint yu = (uint)y;
            if (y > 0)
            {
                Store(0, x / y);
                Store(1, x % y);
            }

            if (yi != 0 && yi != -1)
            {
                Store(2, xi / yi + xi % yi);
            }

            Store(3, y < -1 ? x / y : x % 1000);
            Store(4, (long)((ulong)x / ((ulong)y | 1)));
            Store(5, xu % (yu > 7 ? yu : 7u));
            if (yu == 0)
            {
                return XdpAction.Drop;
            }

            Store(6, xu / yu + 100 / (int)yu);
            return XdpAction.Pass;
        }

        private static void Count(long x)
        {
            var runs = Runs.Lookup(0);
            if (runs is not null)
            {
                runs.Value++;
            }

            uint low = (uint)x & 0x3F;
            var seen = LowBytes.Lookup(low);
            if (seen is not null)
            {
                seen.Value++;
            }
            else
            {
                LowBytes.Update(low, 1);
            }
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
