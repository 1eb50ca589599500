using System;
using System.Threading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Sys;
using Tmds.Linux;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// Keeps RINGBUF maps empty while a test run fills them: one thread moves each consumer position up to its producer
    /// position as fast as it can, discarding the records unread. Without it a 1 MiB ring is full after a few thousand
    /// of the 1,000,000 runs and the rest measure a failed <c>bpf_ringbuf_reserve</c> instead of the copy.
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

        /// <summary>Starts draining on a thread of its own; disposing the result stops it.</summary>
        public IDisposable Run() => new Draining(this);

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

        private void DrainOnce()
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

        private sealed class Draining : IDisposable
        {
            private readonly RingDrainer _drainer;
            private readonly Thread _thread;
            private volatile bool _stop;

            public Draining(RingDrainer drainer)
            {
                _drainer = drainer;
                _thread = new Thread(Loop) { IsBackground = true, Name = "ring drainer" };
                _thread.Start();
            }

            public void Dispose()
            {
                _stop = true;
                _thread.Join();
                _drainer.DrainOnce();
            }

            private void Loop()
            {
                while (!_stop)
                {
                    _drainer.DrainOnce();
                    Thread.SpinWait(8);
                }
            }
        }
    }
}
