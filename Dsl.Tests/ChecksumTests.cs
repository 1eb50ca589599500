using System;
using System.Buffers.Binary;
using CsCheck;
using Ebpf.Dsl.Packets;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    public class ChecksumTests
    {
        /// <summary>RFC 1071 as written: sum big-endian 16-bit words, fold the carries, complement.</summary>
        private static ushort Rfc1071(ReadOnlySpan<byte> data)
        {
            uint sum = 0;
            for (int i = 0; i < data.Length; i += 2)
            {
                uint word = (uint)data[i] << 8;
                if (i + 1 < data.Length)
                {
                    word |= data[i + 1];
                }

                sum += word;
            }

            while (sum >> 16 != 0)
            {
                sum = (sum & 0xffff) + (sum >> 16);
            }

            return (ushort)~sum;
        }

        /// <summary>The big-endian value a memory-order checksum puts on the wire.</summary>
        private static ushort OnWire(ushort memoryOrder)
        {
            Span<byte> bytes = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, memoryOrder);
            return BinaryPrimitives.ReadUInt16BigEndian(bytes);
        }

        /// <summary>0x0000 and 0xffff are the two zeros of one's-complement arithmetic; RFC 1624 allows either.</summary>
        private static void AssertSameOnesComplement(ushort expected, ushort actual)
        {
            Assert.True(expected % 0xffff == actual % 0xffff, $"expected {expected:x4}, got {actual:x4}");
        }

        [Fact]
        public void MatchesRfc1071OnRandomData()
        {
            Gen.Byte.Array[0, 1500].Sample(data =>
                Assert.Equal(Rfc1071(data), OnWire(Checksum.Fold(Checksum.Partial(data, 0)))));
        }

        [Fact]
        public void Ipv4HeaderChecksumOfTheWikipediaExample()
        {
            var ctx = new XdpContext(PacketBytes.Ipv4Udp());
            var ip = ctx.Packet.At<Ipv4Header>(EthernetHeader.Size)!;
            ushort stored = ip.Value.HeaderChecksum;
            Assert.Equal(0xb861, OnWire(stored));

            var copy = ip.Value;
            copy.HeaderChecksum = 0;
            Assert.Equal(stored, Checksum.Fold(Checksum.Partial(copy, 0)));
            Assert.Equal(0, Checksum.Fold(Checksum.Partial(ip.Value, 0)));
        }

        [Fact]
        public void IncrementalUpdateMatchesRecomputation()
        {
            Gen.Select(Gen.Byte.Array[20], Gen.Int[0, 9], Gen.UShort).Sample((header, word, replacement) =>
            {
                ushort check = Checksum.Fold(Checksum.Partial((ReadOnlySpan<byte>)header, 0));
                ushort old = BitConverter.ToUInt16(header, word * 2);
                var changed = (byte[])header.Clone();
                BitConverter.TryWriteBytes(changed.AsSpan(word * 2), replacement);

                ushort updated = Checksum.Replace16(check, old, replacement);
                AssertSameOnesComplement(Rfc1071(changed), OnWire(updated));
            });
        }

        [Fact]
        public void Replace32MatchesRecomputation()
        {
            Gen.Select(Gen.Byte.Array[20], Gen.Int[0, 4], Gen.UInt).Sample((header, word, replacement) =>
            {
                ushort check = Checksum.Fold(Checksum.Partial((ReadOnlySpan<byte>)header, 0));
                uint old = BitConverter.ToUInt32(header, word * 4);
                var changed = (byte[])header.Clone();
                BitConverter.TryWriteBytes(changed.AsSpan(word * 4), replacement);

                ushort updated = Checksum.Replace32(check, old, replacement);
                AssertSameOnesComplement(Rfc1071(changed), OnWire(updated));
            });
        }

        [Fact]
        public void CsumDiffGivesTheChecksumChange()
        {
            Gen.Select(Gen.UInt, Gen.UInt, Gen.UInt).Sample((rest, from, to) =>
            {
                var before = (rest, from);
                var after = (rest, to);
                uint sumBefore = Checksum.Partial(before, 0);
                long diff = Bpf.CsumDiff(from, to, 0);
                Assert.InRange(diff, 0, 0xffff);
                AssertSameOnesComplement(
                    Checksum.Fold(Checksum.Partial(after, 0)), Checksum.Fold(Checksum.Add(sumBefore, (uint)diff)));
            });
        }

        [Fact]
        public void CsumDiffRejectsSizesThatAreNotWords()
        {
            Assert.Equal(-Errno.EINVAL, Bpf.CsumDiff((ushort)1, 0u));
            Assert.Equal(-Errno.EINVAL, Bpf.CsumDiff((byte)1, 0u, 0));
        }
    }
}
