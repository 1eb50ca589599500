using System;
using Ebpf.Loader.Pinning;

namespace Ebpf.Verifier.Tests.Infrastructure
{
    /// <summary>A unique directory in bpffs (/sys/fs/bpf/ebpf-test-*), removed with all its pins on dispose.</summary>
    public sealed class PinDirectory : IDisposable
    {
        /// <summary>Creates the directory, mounting bpffs first when needed.</summary>
        public PinDirectory()
        {
            Path = System.IO.Path.Combine(BpfFs.DefaultRoot, "ebpf-test-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            BpfFs.CreateDirectory(Path);
        }

        /// <summary>The directory.</summary>
        public string Path { get; }

        /// <summary>A path inside the directory.</summary>
        public string this[string name] => System.IO.Path.Combine(Path, name);

        /// <summary>Removes the directory and everything pinned beneath it.</summary>
        public void Dispose() => BpfFs.RemoveDirectory(Path);
    }
}
