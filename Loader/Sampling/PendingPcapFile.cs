using System;
using System.IO;

namespace Ebpf.Loader.Sampling
{
    /// <summary>
    /// A pcap file written next to its final path (<c>.NAME.partial-PID</c>) and renamed into place by
    /// <see cref="Commit"/>: a reader never sees a half-written file, and a failed run leaves none behind
    /// (<see cref="Dispose"/> without <see cref="Commit"/> deletes it).
    /// </summary>
    public sealed class PendingPcapFile : IDisposable
    {
        private readonly string partialPath;
        private bool done;

        private PendingPcapFile(string path, string partialPath, PcapWriter writer)
        {
            Path = path;
            this.partialPath = partialPath;
            Writer = writer;
        }

        /// <summary>The final path.</summary>
        public string Path { get; }

        /// <summary>Writes into the partial file.</summary>
        public PcapWriter Writer { get; }

        /// <summary>Creates the partial file and writes the global header.</summary>
        /// <param name="path">Where the file goes once committed (replaced if it exists).</param>
        /// <param name="snapLength">The header's snaplen.</param>
        /// <param name="precision">Micro- or nanosecond timestamps.</param>
        /// <exception cref="IOException">The directory is missing or unwritable, or <paramref name="path"/> is a directory
        /// (<see cref="UnauthorizedAccessException"/> for permissions).</exception>
        public static PendingPcapFile Create(string path, int snapLength, PcapTimestampPrecision precision = PcapTimestampPrecision.Microseconds)
        {
            string full = System.IO.Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                throw new IOException($"{path} is a directory");
            }

            string directory = System.IO.Path.GetDirectoryName(full) ?? "/";
            string partial = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(full)}.partial-{Environment.ProcessId}");
            var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.Read);
            try
            {
                return new PendingPcapFile(full, partial, new PcapWriter(stream, snapLength, precision));
            }
            catch
            {
                stream.Dispose();
                File.Delete(partial);
                throw;
            }
        }

        /// <summary>Flushes, closes and renames the file into place.</summary>
        public void Commit()
        {
            ObjectDisposedException.ThrowIf(done, this);
            Writer.Dispose();
            File.Move(partialPath, Path, overwrite: true);
            done = true;
        }

        /// <summary>Deletes the partial file unless it was committed.</summary>
        public void Dispose()
        {
            if (done)
            {
                return;
            }

            done = true;
            try
            {
                Writer.Dispose();
            }
            finally
            {
                File.Delete(partialPath);
            }
        }
    }
}
