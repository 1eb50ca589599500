using System;
using System.Collections.Generic;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Loader.Sys;
using Tmds.Linux;

namespace Ebpf.Loader.Maps
{
    /// <summary>
    /// The user-space consumer of a RINGBUF map: maps the consumer page read-write and the producer page plus
    /// the data pages (mapped twice, so a record that wraps reads as one span) read-only. Mirrors <c>RingBufferMap</c>.
    /// </summary>
    /// <remarks>
    /// Kernel: BPF_MAP_TYPE_RINGBUF, since 5.8. Each record has an 8-byte header (u32 length with BUSY bit 31 and
    /// DISCARD bit 30, u32 page offset) and is padded to 8 bytes.
    /// </remarks>
    public sealed unsafe class RingBufferView : IDisposable
    {
        private const uint BusyBit = 1u << 31;
        private const uint DiscardBit = 1u << 30;
        private const int HeaderSize = 8;

        private readonly int pageSize = Environment.SystemPageSize;
        private readonly byte* consumerPage;
        private readonly byte* producerPages;
        private readonly ulong mask;
        private int epoll = -1;
        private bool disposed;

        /// <summary>Maps the ring buffer of <paramref name="map"/> (which must stay open while this view is used).</summary>
        public RingBufferView(BpfMap map)
        {
            Map = map ?? throw new ArgumentNullException(nameof(map));
            ValueBytes.CheckType(map, nameof(RingBufferView), MapType.RingBuffer);
            Size = map.MaxEntries;
            mask = (ulong)Size - 1;
            consumerPage = Mmap(pageSize, LibC.PROT_READ | LibC.PROT_WRITE, 0);
            try
            {
                producerPages = Mmap(pageSize + 2 * Size, LibC.PROT_READ, pageSize);
            }
            catch
            {
                LibC.munmap(consumerPage, pageSize);
                throw;
            }
        }

        /// <summary>The underlying map.</summary>
        public BpfMap Map { get; }

        /// <summary>The data area's size in bytes (max_entries).</summary>
        public int Size { get; }

        /// <summary>Bytes written by the kernel and not yet consumed.</summary>
        public long Pending
        {
            get
            {
                ThrowIfDisposed();
                return (long)(Volatile.Read(ref *(ulong*)producerPages) - Volatile.Read(ref *(ulong*)consumerPage));
            }
        }

        /// <summary>Hands every committed record to <paramref name="handler"/> in order and returns how many there were.</summary>
        public int Consume(RingBufferRecordHandler handler)
        {
            ThrowIfDisposed();
            if (handler is null)
            {
                throw new ArgumentNullException(nameof(handler));
            }

            ref ulong consumerPosition = ref *(ulong*)consumerPage;
            ref ulong producerPosition = ref *(ulong*)producerPages;
            byte* data = producerPages + pageSize;
            int count = 0;
            ulong consumer = Volatile.Read(ref consumerPosition);
            while (consumer < Volatile.Read(ref producerPosition))
            {
                byte* header = data + (consumer & mask);
                uint length = Volatile.Read(ref *(uint*)header);
                if ((length & BusyBit) != 0)
                {
                    break; // reserved but not yet committed
                }

                uint size = length & ~(BusyBit | DiscardBit);
                if ((length & DiscardBit) == 0)
                {
                    handler(new ReadOnlySpan<byte>(header + HeaderSize, (int)size));
                    count++;
                }

                consumer += (size + HeaderSize + 7) & ~7u;
                Volatile.Write(ref consumerPosition, consumer);
            }

            return count;
        }

        /// <summary>Copies out every committed record.</summary>
        public IReadOnlyList<byte[]> ReadAvailable()
        {
            var records = new List<byte[]>();
            Consume(record => records.Add(record.ToArray()));
            return records;
        }

        /// <summary>Waits (epoll) until the kernel signals data or <paramref name="timeout"/> passes; true when data is pending.</summary>
        public bool WaitForData(TimeSpan timeout)
        {
            ThrowIfDisposed();
            if (Pending > 0)
            {
                return true;
            }

            if (epoll < 0)
            {
                epoll = CreateEpoll();
            }

            epoll_event ready;
            int result;
            do
            {
                result = LibC.epoll_wait(epoll, &ready, 1, (int)Math.Min(int.MaxValue, (long)timeout.TotalMilliseconds));
            }
            while (result < 0 && LibC.errno == LibC.EINTR);
            return Pending > 0;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            LibC.munmap(consumerPage, pageSize);
            LibC.munmap(producerPages, pageSize + 2 * Size);
            if (epoll >= 0)
            {
                LibC.close(epoll);
                epoll = -1;
            }
        }

        private void ThrowIfDisposed()
        {
            if (disposed)
            {
                throw new ObjectDisposedException(nameof(RingBufferView));
            }
        }

        private byte* Mmap(long length, int protection, long offset)
        {
            using BpfFdLease map = Map.Fd.Lease();
            void* address = LibC.mmap(null, (size_t)(ulong)length, protection, LibC.MAP_SHARED, map.Value, offset);
            if (address == LibC.MAP_FAILED)
            {
                int errno = LibC.errno;
                throw new System.IO.IOException($"mmap of ring buffer '{Map.Name}' failed: {ErrnoNames.Name(errno)} ({ErrnoNames.Describe(errno)})");
            }

            return (byte*)address;
        }

        private int CreateEpoll()
        {
            int fd = LibC.epoll_create1(LibC.EPOLL_CLOEXEC);
            if (fd < 0)
            {
                throw new InvalidOperationException("epoll_create1 failed: " + ErrnoNames.Name(LibC.errno));
            }

            var interest = new epoll_event { events = LibC.EPOLLIN };
            using BpfFdLease map = Map.Fd.Lease();
            if (LibC.epoll_ctl(fd, LibC.EPOLL_CTL_ADD, map.Value, &interest) < 0)
            {
                int errno = LibC.errno;
                LibC.close(fd);
                throw new InvalidOperationException("epoll_ctl on ring buffer failed: " + ErrnoNames.Name(errno));
            }

            return fd;
        }
    }
}
