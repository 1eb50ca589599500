using System;
using System.IO;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Sys;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Sys
{
    /// <summary>
    /// <see cref="BpfFd.Lease"/>: a descriptor given to the kernel stays open until the call returns, whatever
    /// another thread (or the finaliser) does to its owner meanwhile; a closed one is refused before any syscall.
    /// </summary>
    public sealed class BpfFdLeaseTests : KernelTest
    {
        [Fact]
        public void Dispose_while_leased_keeps_the_fd_usable_until_the_lease_ends()
        {
            BpfMap map = BpfMap.Create(new MapDefinition("leased", MapType.Array, 4, 8, 1));
            string fdPath;
            using (BpfFdLease lease = map.Fd.Lease())
            {
                fdPath = $"/proc/self/fd/{lease.Value}";
                var disposer = new Thread(map.Dispose);
                disposer.Start();
                disposer.Join();

                Assert.StartsWith("anon_inode:bpf-map", new FileInfo(fdPath).LinkTarget);
                Assert.Equal(0ul, LookupRaw(lease.Number, key: 0));
                Assert.Throws<ObjectDisposedException>(() => { using BpfFdLease late = map.Fd.Lease(); });
            }

            Assert.True(map.Fd.IsClosed, "the dispose should take effect when the lease ends");
            Assert.False(File.Exists(fdPath) && new FileInfo(fdPath).LinkTarget?.StartsWith("anon_inode:bpf-map", StringComparison.Ordinal) == true,
                "the fd should be closed once the last lease ends");
        }

        [Fact]
        public void Using_a_disposed_map_throws_ObjectDisposedException_not_EBADF()
        {
            BpfMap map = BpfMap.Create(new MapDefinition("gone", MapType.Array, 4, 8, 1));
            map.Dispose();
            uint key = 0;
            ulong value = 1;

            Assert.Throws<ObjectDisposedException>(() => map.Update(ValueBytes.Of(ref key), ValueBytes.Of(ref value)));
            Assert.Throws<ObjectDisposedException>(() => map.Lookup(ValueBytes.Of(ref key)));
            Assert.Throws<ObjectDisposedException>(() => map.Freeze());
            Assert.Throws<ObjectDisposedException>(() => { using BpfFdLease lease = map.Fd.Lease(); });
        }

        [Fact]
        public void Dispose_racing_with_map_calls_only_ever_surfaces_as_ObjectDisposedException()
        {
            for (int round = 0; round < 50; round++)
            {
                BpfMap map = BpfMap.Create(new MapDefinition("race", MapType.Array, 4, 8, 1));
                Exception? failure = null;
                int calls = 0;
                using var started = new ManualResetEventSlim();
                var user = new Thread(() =>
                {
                    uint key = 0;
                    try
                    {
                        while (true)
                        {
                            ulong value = (ulong)Volatile.Read(ref calls);
                            map.Update(ValueBytes.Of(ref key), ValueBytes.Of(ref value));
                            Interlocked.Increment(ref calls);
                            started.Set();
                        }
                    }
                    catch (Exception error)
                    {
                        failure = error;
                        started.Set();
                    }
                });
                user.Start();
                started.Wait(TestContext.Current.CancellationToken);
                map.Dispose();
                user.Join();

                Assert.True(calls > 0, "the map was never used before the dispose");
                Assert.IsType<ObjectDisposedException>(failure);
            }
        }

        [Fact]
        public void The_default_lease_holds_nothing_and_reads_as_no_fd()
        {
            BpfFdLease none = default;

            Assert.Equal(0u, none.Number);
            none.Dispose();
            none.Dispose();
        }

        [Fact]
        public void Ending_a_lease_twice_releases_the_handle_once()
        {
            BpfMap map = BpfMap.Create(new MapDefinition("twice", MapType.Array, 4, 8, 1));
            BpfFdLease lease = map.Fd.Lease();
            lease.Dispose();
            lease.Dispose();

            uint key = 0;
            Assert.NotNull(map.Lookup(ValueBytes.Of(ref key)));
            map.Dispose();
            Assert.True(map.Fd.IsClosed);
        }

        private static unsafe ulong LookupRaw(uint mapFd, uint key)
        {
            ulong value = ulong.MaxValue;
            var attr = new MapElementAttr { MapFd = mapFd, Key = (ulong)&key, Value = (ulong)&value };
            long returned = BpfSyscall.TryInvoke(BpfCommand.MapLookupElem, ref attr);
            Assert.True(returned >= 0, $"lookup through the leased fd failed: errno {-returned}");
            return value;
        }
    }
}
