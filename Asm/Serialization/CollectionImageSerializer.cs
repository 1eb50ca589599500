using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Ebpf.Asm.Serialization
{
    /// <summary>
    /// A compact, versioned binary form of a <see cref="CollectionImage"/>: what the source generator embeds in a
    /// program assembly (<see cref="EmbeddedCollectionAttribute"/>) so a loader can read images without running it.
    /// </summary>
    /// <remarks>
    /// Layout, little-endian, strings as 7-bit-encoded length + UTF-8 (BinaryWriter's form):
    /// <c>"EBPFCOLL"</c>, u16 version (2; version 1 is still read), u32 map count, maps, u32 program count, programs.
    /// A map: name, u32 type, i32 key size, i32 value size, i32 max entries, u32 flags, u8 pinning, u32 slot count,
    /// (i32 slot, program name) per slot. A program: name, u32 type, u8 has attach type, [u32 attach type], license,
    /// u32 slot count, 8 bytes per slot (the kernel's encoding), u32 relocation count, (i32 instruction index, u8 kind,
    /// symbol, i32 addend) per relocation, u32 source map count, (i32 instruction index, file, i32 line, i32 column,
    /// u8 has text, [text]) per entry, then (version 2) u8 has default slot, [i32 default slot].
    /// </remarks>
    public static class CollectionImageSerializer
    {
        /// <summary>The format version written by <see cref="Serialize"/>.</summary>
        public const ushort Version = 2;

        /// <summary>The oldest format version <see cref="Deserialize"/> still reads (no default slot).</summary>
        public const ushort OldestVersion = 1;

        private static readonly byte[] Magic = Encoding.ASCII.GetBytes("EBPFCOLL");

        /// <summary>Encodes <paramref name="image"/>.</summary>
        public static byte[] Serialize(CollectionImage image)
        {
            if (image is null)
            {
                throw new ArgumentNullException(nameof(image));
            }

            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, new UTF8Encoding(false, true), leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(Version);
                writer.Write((uint)image.Maps.Count);
                foreach (MapDefinition map in image.Maps)
                {
                    WriteMap(writer, map);
                }

                writer.Write((uint)image.Programs.Count);
                foreach (ProgramImage program in image.Programs)
                {
                    WriteProgram(writer, program);
                }
            }

            return stream.ToArray();
        }

        /// <summary>Decodes bytes written by <see cref="Serialize"/>.</summary>
        /// <exception cref="InvalidDataException">The bytes are not a collection image of a known version.</exception>
        public static CollectionImage Deserialize(byte[] bytes)
        {
            if (bytes is null)
            {
                throw new ArgumentNullException(nameof(bytes));
            }

            try
            {
                using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), new UTF8Encoding(false, true));
                byte[] magic = reader.ReadBytes(Magic.Length);
                if (!magic.AsSpan().SequenceEqual(Magic))
                {
                    throw new InvalidDataException("not an embedded eBPF collection image (bad magic)");
                }

                ushort version = reader.ReadUInt16();
                if (version < OldestVersion || version > Version)
                {
                    throw new InvalidDataException($"collection image format version {version}; this reader knows {OldestVersion}..{Version}");
                }

                var maps = new MapDefinition[Count(reader)];
                for (int i = 0; i < maps.Length; i++)
                {
                    maps[i] = ReadMap(reader);
                }

                var programs = new ProgramImage[Count(reader)];
                for (int i = 0; i < programs.Length; i++)
                {
                    programs[i] = ReadProgram(reader, version);
                }

                if (reader.BaseStream.Position != bytes.Length)
                {
                    throw new InvalidDataException($"{bytes.Length - reader.BaseStream.Position} trailing bytes after the collection image");
                }

                return new CollectionImage(maps, programs);
            }
            catch (EndOfStreamException error)
            {
                throw new InvalidDataException("truncated collection image", error);
            }
            catch (DecoderFallbackException error)
            {
                throw new InvalidDataException("a name in the collection image is not UTF-8", error);
            }
        }

        private static void WriteMap(BinaryWriter writer, MapDefinition map)
        {
            writer.Write(map.Name);
            writer.Write((uint)map.Type);
            writer.Write(map.KeySize);
            writer.Write(map.ValueSize);
            writer.Write(map.MaxEntries);
            writer.Write(map.Flags);
            writer.Write((byte)map.Pinning);
            writer.Write((uint)map.ProgramSlots.Count);
            foreach (ProgramSlot slot in map.ProgramSlots)
            {
                writer.Write(slot.Slot);
                writer.Write(slot.Program);
            }
        }

        private static MapDefinition ReadMap(BinaryReader reader)
        {
            string name = reader.ReadString();
            var type = (MapType)reader.ReadUInt32();
            int keySize = reader.ReadInt32();
            int valueSize = reader.ReadInt32();
            int maxEntries = reader.ReadInt32();
            uint flags = reader.ReadUInt32();
            var pinning = (MapPinning)reader.ReadByte();
            var slots = new ProgramSlot[Count(reader)];
            for (int i = 0; i < slots.Length; i++)
            {
                int slot = reader.ReadInt32();
                slots[i] = new ProgramSlot(slot, reader.ReadString());
            }

            return new MapDefinition(name, type, keySize, valueSize, maxEntries, flags) { Pinning = pinning, ProgramSlots = slots };
        }

        private static void WriteProgram(BinaryWriter writer, ProgramImage program)
        {
            writer.Write(program.Name);
            writer.Write((uint)program.Type);
            writer.Write(program.ExpectedAttachType.HasValue);
            if (program.ExpectedAttachType is AttachType attachType)
            {
                writer.Write((uint)attachType);
            }

            writer.Write(program.License);
            byte[] code = program.Encode();
            writer.Write((uint)(code.Length / Instruction.SlotSize));
            writer.Write(code);
            writer.Write((uint)program.Relocations.Count);
            foreach (Relocation relocation in program.Relocations)
            {
                writer.Write(relocation.InstructionIndex);
                writer.Write((byte)relocation.Kind);
                writer.Write(relocation.Symbol);
                writer.Write(relocation.Addend);
            }

            writer.Write((uint)program.SourceMap.Count);
            foreach (SourceMapEntry entry in program.SourceMap)
            {
                writer.Write(entry.InstructionIndex);
                writer.Write(entry.Location.File);
                writer.Write(entry.Location.Line);
                writer.Write(entry.Location.Column);
                writer.Write(entry.Location.Text is not null);
                if (entry.Location.Text is not null)
                {
                    writer.Write(entry.Location.Text);
                }
            }

            writer.Write(program.DefaultSlot.HasValue);
            if (program.DefaultSlot is int slot)
            {
                writer.Write(slot);
            }
        }

        private static ProgramImage ReadProgram(BinaryReader reader, ushort version)
        {
            string name = reader.ReadString();
            var type = (ProgramType)reader.ReadUInt32();
            AttachType? attachType = reader.ReadBoolean() ? (AttachType)reader.ReadUInt32() : null;
            string license = reader.ReadString();
            int slots = Count(reader);
            byte[] code = reader.ReadBytes(checked(slots * Instruction.SlotSize));
            if (code.Length != slots * Instruction.SlotSize)
            {
                throw new EndOfStreamException();
            }

            var relocations = new Relocation[Count(reader)];
            for (int i = 0; i < relocations.Length; i++)
            {
                int index = reader.ReadInt32();
                var kind = (RelocationKind)reader.ReadByte();
                string symbol = reader.ReadString();
                relocations[i] = new Relocation(index, kind, symbol, reader.ReadInt32());
            }

            var sourceMap = new SourceMapEntry[Count(reader)];
            for (int i = 0; i < sourceMap.Length; i++)
            {
                int index = reader.ReadInt32();
                string file = reader.ReadString();
                int line = reader.ReadInt32();
                int column = reader.ReadInt32();
                string? text = reader.ReadBoolean() ? reader.ReadString() : null;
                sourceMap[i] = new SourceMapEntry(index, new SourceLocation(file, line, column, text));
            }

            int? defaultSlot = version >= 2 && reader.ReadBoolean() ? reader.ReadInt32() : null;
            return ProgramImage.Decode(name, type, code) with
            {
                DefaultSlot = defaultSlot,
                ExpectedAttachType = attachType,
                License = license,
                Relocations = relocations,
                SourceMap = sourceMap,
            };
        }

        private static int Count(BinaryReader reader)
        {
            uint count = reader.ReadUInt32();
            if (count > reader.BaseStream.Length - reader.BaseStream.Position)
            {
                throw new InvalidDataException($"count {count} exceeds the remaining bytes of the collection image");
            }

            return (int)count;
        }
    }
}
