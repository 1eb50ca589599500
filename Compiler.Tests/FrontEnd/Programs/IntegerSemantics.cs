using Ebpf.Dsl;
using Ebpf.Dsl.Maps;

namespace Ebpf.Compiler.Tests.FrontEnd.Programs
{
    /// <summary>
    /// Integer C# with the CLR's results: wrap-around, masked shift counts, sign and zero extension, signed and unsigned
    /// division, compares, switch and a loop. Reads two inputs from a map and writes sixteen results to another, so a
    /// kernel run and a CLR run can be compared entry by entry. (Divisors are kept non-zero and away from -1 in forms the
    /// compiler proves, `(y &amp; 0xFF) | 1`: otherwise EBPF3004, since the CLR throws where the kernel gives x / 0 == 0,
    /// x % 0 == x and MinValue / -1 == MinValue.)
    /// </summary>
    public static class IntegerSemantics
    {
        public static readonly ArrayMap<long> Inputs = new(maxEntries: 2);
        public static readonly ArrayMap<long> Results = new(maxEntries: 16);

        [SocketFilter]
        public static uint Compute(SkBuffContext ctx)
        {
            var a = Inputs.Lookup(0);
            var b = Inputs.Lookup(1);
            if (a is null || b is null)
            {
                return 0;
            }

            long x = a.Value;
            long y = b.Value;
            int xi = (int)x;
            int yi = (int)y;
            uint xu = (uint)x;
            Store(0, xi + yi * 3);
            Store(1, xi << yi);
            Store(2, x << (int)y);
            Store(3, xi >> yi);
            Store(4, xu >> yi);
            Store(5, (sbyte)x);
            Store(6, (byte)x + (short)y);
            Store(7, xi / ((yi & 0xFF) | 1) + xi % ((yi & 0x7F) | 1));
            Store(8, xu / ((uint)yi | 1u) + xu % ((uint)yi | 1u));
            Store(9, x % ((y & 0xFFFF) | 1) + x / ((y & 0xFFF) | 2));
            Store(10, (xi < yi ? 1 : 0) + (xu < (uint)yi ? 2 : 0) + (x >= y ? 4 : 0) + (x == y ? 8 : 0));
            Store(11, Classify(xi & 7));
            long acc = 0;
            for (int i = 0; i < 16; i++)
            {
                acc = acc * 31 + ((x >> i) & 1);
            }

            Store(12, acc);
            Store(13, ~x ^ -y);
            ushort s = (ushort)x;
            s += 65535;
            s++;
            Store(14, s);
            Store(15, (long)((ulong)x * (ulong)y));
            return 1;
        }

        private static int Classify(int v) => v switch
        {
            0 => 10,
            1 or 2 => 20,
            >= 3 and <= 5 => 30 + v,
            _ => -1,
        };

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
