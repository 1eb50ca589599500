using System;
using System.Buffers.Binary;
using System.Text;

namespace Ebpf.Compiler.Tests.Asm
{
    /// <summary>Just enough ELF64 little-endian reading to pull one section's bytes out of an object file.</summary>
    internal static class ElfSections
    {
        public static byte[] Read(byte[] elf, string name)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
            {
                throw new FormatException("not a little-endian ELF64 file");
            }

            long sectionHeaders = BinaryPrimitives.ReadInt64LittleEndian(elf.AsSpan(0x28));
            int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3a));
            int count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3c));
            int namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3e));
            long namesOffset = BinaryPrimitives.ReadInt64LittleEndian(elf.AsSpan((int)(sectionHeaders + namesIndex * entrySize) + 0x18));
            for (int i = 0; i < count; i++)
            {
                int header = (int)(sectionHeaders + i * entrySize);
                int nameOffset = BinaryPrimitives.ReadInt32LittleEndian(elf.AsSpan(header));
                int start = (int)namesOffset + nameOffset;
                int end = Array.IndexOf(elf, (byte)0, start);
                if (Encoding.ASCII.GetString(elf, start, end - start) != name)
                {
                    continue;
                }

                long offset = BinaryPrimitives.ReadInt64LittleEndian(elf.AsSpan(header + 0x18));
                long size = BinaryPrimitives.ReadInt64LittleEndian(elf.AsSpan(header + 0x20));
                return elf.AsSpan((int)offset, (int)size).ToArray();
            }

            throw new FormatException("no section " + name);
        }
    }
}
