using System;
using System.IO;
using Ebpf.Loader.RootArray;

namespace Ebpf.Loader.Sampling
{
    /// <summary>
    /// One <c>sample</c> per interface at a time: an exclusive lock on <c>/run/ebpf-managed/sample-IFACE.lock</c>
    /// (.NET takes flock(LOCK_EX | LOCK_NB) for <see cref="FileShare.None"/>), held for the whole run. Two readers of one
    /// ring would steal each other's records; the kernel drops the lock with the process, so a killed run never blocks
    /// the next one (which simply overwrites the configuration it left on).
    /// </summary>
    public sealed class SamplingLock : IDisposable
    {
        /// <summary>The directory holding the lock files.</summary>
        public const string Directory = "/run/ebpf-managed";

        private readonly FileStream file;

        private SamplingLock(FileStream file)
        {
            this.file = file;
        }

        /// <summary>The lock file of <paramref name="interfaceName"/>.</summary>
        public static string PathFor(string interfaceName) =>
            Path.Combine(Directory, $"sample-{RootArrayPaths.Escape(interfaceName)}.lock");

        /// <summary>Takes the lock, or returns null when another run holds it.</summary>
        /// <exception cref="UnauthorizedAccessException">The lock file cannot be created (not root).</exception>
        public static SamplingLock? TryAcquire(string interfaceName)
        {
            System.IO.Directory.CreateDirectory(Directory);
            try
            {
                return new SamplingLock(new FileStream(PathFor(interfaceName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(PathFor(interfaceName)))
            {
                return null;
            }
        }

        /// <summary>Releases the lock (the file stays, empty, for the next run).</summary>
        public void Dispose() => file.Dispose();
    }
}
