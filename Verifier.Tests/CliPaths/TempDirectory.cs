using System;
using System.IO;

namespace Ebpf.Verifier.Tests.CliPaths
{
    /// <summary>A fresh directory under the system temp directory, deleted on dispose.</summary>
    public sealed class TempDirectory : IDisposable
    {
        /// <summary>Creates the directory.</summary>
        public TempDirectory()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ebpf-clipaths-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Path);
        }

        /// <summary>The directory.</summary>
        public string Path { get; }

        /// <summary>A path inside the directory.</summary>
        public string this[string name] => System.IO.Path.Combine(Path, name);

        /// <summary>Copies <paramref name="files"/> into the directory and returns the copies' paths.</summary>
        public string[] Copy(params string[] files) =>
            Array.ConvertAll(files, file =>
            {
                string copy = this[System.IO.Path.GetFileName(file)];
                File.Copy(file, copy);
                return copy;
            });

        /// <summary>Deletes the directory and everything in it.</summary>
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
