using System;
using System.Threading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Sys;
using Tmds.Linux;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// Empties RINGBUF maps between test runs by moving each consumer position up to its producer position, discarding
    /// the records unread. A 1 MiB ring holds about 3,500 sampler records, so 1,000,000 runs at once would measure a
    /// failed <c>bpf_ringbuf_reserve</c> after the first few thousand instead of the copy; the sampler is timed in
    /// batches that fit, with the rings emptied before each. (A drain thread running alongside could not keep up on a
    /// shared 2-vCPU machine: 95% of the records were lost.)
    /// </summary>
    internal sealed unsafe class RingDrainer : IDisposable
    {
        private readonly int _pageSize = Environment.SystemPageSize;
        private readonly IntPtr[] _consumerPages;
        private readonly IntPtr[] _producerPages;

        /// <summary>Maps the consumer page (read-write) and producer page (read-only) of each of <paramref name="rings"/>.</summary>
        public RingDrainer(params BpfMap[] rings)
        {
            _consumerPages = new IntPtr[rings.Length];
            _producerPages = new IntPtr[rings.Length];
            for (int i = 0; i < rings.Length; i++)
            {
                using BpfFdLease lease = rings[i].Fd.Lease();
                _consumerPages[i] = (IntPtr)Map(lease.Value, LibC.PROT_READ | LibC.PROT_WRITE, 0);
                _producerPages[i] = (IntPtr)Map(lease.Value, LibC.PROT_READ, _pageSize);
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            foreach (IntPtr page in _consumerPages)
            {
                LibC.munmap((void*)page, _pageSize);
            }

            foreach (IntPtr page in _producerPages)
            {
                LibC.munmap((void*)page, _pageSize);
            }
        }

        /// <summary>Moves every consumer position up to its producer position: the records written so far are dropped unread.</summary>
        public void Drain()
        {
            for (int i = 0; i < _consumerPages.Length; i++)
            {
                Volatile.Write(ref *(ulong*)_consumerPages[i], Volatile.Read(ref *(ulong*)_producerPages[i]));
            }
        }

        private byte* Map(int fd, int protection, long offset)
        {
            void* address = LibC.mmap(null, (size_t)(ulong)_pageSize, protection, LibC.MAP_SHARED, fd, offset);
            if (address == LibC.MAP_FAILED)
            {
                throw new InvalidOperationException($"mmap of a ring buffer failed: {ErrnoNames.Name(LibC.errno)}");
            }

            return (byte*)address;
        }
    }
}
