using System;
using System.Buffers.Binary;
using System.IO;

namespace Ebpf.Loader.Sampling
{
    /// <summary>
    /// Writes a classic pcap file (the libpcap format tcpdump and Wireshark read): a 24-byte global header, then per
    /// packet a 16-byte record header (seconds, micro- or nanoseconds, captured length, original length) and the bytes.
    /// Little-endian, version 2.4, link type LINKTYPE_ETHERNET (1).
    /// </summary>
    public sealed class PcapWriter : IDisposable
    {
        /// <summary>The magic number of a microsecond file.</summary>
        public const uint MicrosecondMagic = 0xa1b2c3d4;

        /// <summary>The magic number of a nanosecond file.</summary>
        public const uint NanosecondMagic = 0xa1b23c4d;

        /// <summary>LINKTYPE_ETHERNET.</summary>
        public const uint LinkTypeEthernet = 1;

        /// <summary>The size of the global header.</summary>
        public const int GlobalHeaderSize = 24;

        /// <summary>The size of a record header.</summary>
        public const int RecordHeaderSize = 16;

        private readonly Stream output;
        private readonly bool leaveOpen;
        private readonly byte[] recordHeader = new byte[RecordHeaderSize];

        /// <summary>Writes the global header to <paramref name="output"/>.</summary>
        /// <param name="output">Where the file goes.</param>
        /// <param name="snapLength">The largest captured length any record will have (the header's snaplen).</param>
        /// <param name="precision">Micro- or nanosecond timestamps.</param>
        /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="output"/> open.</param>
        public PcapWriter(Stream output, int snapLength, PcapTimestampPrecision precision = PcapTimestampPrecision.Microseconds, bool leaveOpen = false)
        {
            this.output = output ?? throw new ArgumentNullException(nameof(output));
            ArgumentOutOfRangeException.ThrowIfLessThan(snapLength, 1);
            this.leaveOpen = leaveOpen;
            SnapLength = snapLength;
            Precision = precision;
            Span<byte> header = stackalloc byte[GlobalHeaderSize];
            BinaryPrimitives.WriteUInt32LittleEndian(header, precision == PcapTimestampPrecision.Nanoseconds ? NanosecondMagic : MicrosecondMagic);
            BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(4), 2);
            BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(6), 4);
            BinaryPrimitives.WriteInt32LittleEndian(header.Slice(8), 0); // thiszone: timestamps are UTC
            BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(12), 0); // sigfigs
            BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(16), (uint)snapLength);
            BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(20), LinkTypeEthernet);
            output.Write(header);
        }

        /// <summary>The snaplen written in the global header.</summary>
        public int SnapLength { get; }

        /// <summary>The timestamp unit.</summary>
        public PcapTimestampPrecision Precision { get; }

        /// <summary>Records written so far.</summary>
        public long Records { get; private set; }

        /// <summary>Writes one packet.</summary>
        /// <param name="unixTimeNs">When it was seen, in nanoseconds since the Unix epoch (UTC).</param>
        /// <param name="captured">The captured bytes (at most <see cref="SnapLength"/>).</param>
        /// <param name="originalLength">The packet's length on the wire (at least the captured length).</param>
        public void Write(long unixTimeNs, ReadOnlySpan<byte> captured, int originalLength)
        {
            if (captured.Length > SnapLength)
            {
                throw new ArgumentException($"{captured.Length} captured bytes exceed the snap length {SnapLength}", nameof(captured));
            }

            if (originalLength < captured.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(originalLength), originalLength, "shorter than the captured bytes");
            }

            ArgumentOutOfRangeException.ThrowIfNegative(unixTimeNs);
            long seconds = unixTimeNs / 1_000_000_000L;
            long fraction = unixTimeNs % 1_000_000_000L;
            BinaryPrimitives.WriteUInt32LittleEndian(recordHeader, (uint)seconds);
            BinaryPrimitives.WriteUInt32LittleEndian(recordHeader.AsSpan(4), (uint)(Precision == PcapTimestampPrecision.Nanoseconds ? fraction : fraction / 1000));
            BinaryPrimitives.WriteUInt32LittleEndian(recordHeader.AsSpan(8), (uint)captured.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(recordHeader.AsSpan(12), (uint)originalLength);
            output.Write(recordHeader);
            output.Write(captured);
            Records++;
        }

        /// <summary>Flushes the output.</summary>
        public void Flush() => output.Flush();

        /// <inheritdoc />
        public void Dispose()
        {
            output.Flush();
            if (!leaveOpen)
            {
                output.Dispose();
            }
        }
    }
}
