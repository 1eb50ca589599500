using System.Threading;

namespace Ebpf.Compiler.IR
{
    /// <summary>A block of bytes the interpreter reads and writes: a context, a packet, a map value, a stack slot.</summary>
    public sealed class MemoryRegion
    {
        private static int nextId;

        /// <summary>Wraps <paramref name="bytes"/> (not copied).</summary>
        public MemoryRegion(string name, byte[] bytes)
        {
            Name = name;
            Bytes = bytes;
            Id = Interlocked.Increment(ref nextId) & 0xffffff;
        }

        /// <summary>A name for messages.</summary>
        public string Name { get; }

        /// <summary>The contents.</summary>
        public byte[] Bytes { get; }

        /// <summary>A number that separates regions' addresses.</summary>
        public int Id { get; }
    }
}
