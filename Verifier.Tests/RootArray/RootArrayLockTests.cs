using System;
using System.IO;
using System.Threading;
using Ebpf.Loader.RootArray;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>The flock on /sys/fs/bpf/ebpf-managed (bpffs has no regular files, but a directory fd can be locked).</summary>
    public sealed class RootArrayLockTests : KernelTest
    {
        [Fact]
        public void A_second_holder_waits_and_gives_up_with_a_message()
        {
            using (RootArrayLock.Acquire(TimeSpan.FromSeconds(10)))
            {
                // flock locks belong to the open file description: a second open in this process conflicts too
                Exception? error = null;
                var second = new Thread(() => error = Record(() => RootArrayLock.Acquire(TimeSpan.FromMilliseconds(200)).Dispose()));
                second.Start();
                second.Join();
                IOException io = Assert.IsType<IOException>(error);
                Assert.Contains("holds the lock", io.Message);
            }

            using (RootArrayLock.Acquire(TimeSpan.FromSeconds(1)))
            {
                // released: it can be taken again
            }
        }

        private static Exception? Record(Action action)
        {
            try
            {
                action();
                return null;
            }
            catch (Exception error)
            {
                return error;
            }
        }
    }
}
