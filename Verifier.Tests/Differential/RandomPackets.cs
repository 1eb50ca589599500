using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace Ebpf.Verifier.Tests.Differential
{
    /// <summary>CsCheck generators of packet sequences: random bytes, and corpus packets with bytes overwritten or cut short.</summary>
    internal static class RandomPackets
    {
        /// <summary>Random frames of 14 to 128 bytes.</summary>
        public static Gen<byte[]> RandomBytes { get; } = Gen.Byte.Array[14, 128];

        /// <summary>A corpus packet with up to four bytes replaced and possibly truncated (never below 14 bytes).</summary>
        public static Gen<byte[]> MutatedCorpus { get; } =
            Gen.Select(
                Gen.Int[0, PacketCorpus.All.Count - 1],
                Gen.Select(Gen.Int[0, 127], Gen.Byte).Array[0, 4],
                Gen.Int[0, 3],
                (which, edits, cut) =>
                {
                    byte[] packet = PacketCorpus.All[which].Packet.ToArray();
                    foreach ((int offset, byte value) in edits)
                    {
                        packet[offset % packet.Length] = value;
                    }

                    return cut == 0 && packet.Length > 15 ? packet.Take(14 + edits.Length * 7 % (packet.Length - 14)).ToArray() : packet;
                });

        /// <summary>A sequence of 8 to 24 packets, half random bytes and half mutated corpus.</summary>
        public static Gen<(string Name, byte[] Packet)[]> Sequence { get; } =
            Gen.OneOf(RandomBytes, MutatedCorpus).Array[8, 24]
                .Select(packets => packets.Select((packet, i) => ($"random#{i}", packet)).ToArray());

        /// <summary>Names the packets of a sequence for a failure message.</summary>
        public static string Print(IEnumerable<(string Name, byte[] Packet)> packets) =>
            string.Join("\n", packets.Select(p => $"{p.Name} {System.Convert.ToHexString(p.Packet)}"));
    }
}
