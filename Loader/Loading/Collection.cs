using System;
using System.Collections.Generic;
using System.IO;
using Ebpf.Asm;
using Ebpf.Loader.Features;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Loading
{
    /// <summary>Turns a <see cref="CollectionImage"/> into kernel objects: maps, relocated programs, filled PROG_ARRAYs.</summary>
    public static class Collection
    {
        /// <summary>
        /// Validates the image (before any syscall), creates or reuses pinned maps, relocates and loads the programs
        /// (tail-call targets first), and fills every PROG_ARRAY from its <see cref="MapDefinition.ProgramSlots"/>.
        /// </summary>
        /// <exception cref="CollectionException">The image is inconsistent; nothing was created.</exception>
        /// <exception cref="VerifierException">A program was rejected; everything created so far is closed again.</exception>
        public static LoadedCollection Load(CollectionImage image, LoadOptions? options = null)
        {
            if (image is null)
            {
                throw new ArgumentNullException(nameof(image));
            }

            options ??= LoadOptions.Default;
            Dictionary<string, AttachType?> attachTypes = ChooseAttachTypes(image, probe: false);
            CollectionValidator.Validate(image, attachTypes);
            attachTypes = ChooseAttachTypes(image, probe: true);

            var maps = new Dictionary<string, BpfMap>();
            var programs = new Dictionary<string, BpfProgram>();
            var pinPaths = new Dictionary<string, string>();
            try
            {
                foreach (MapDefinition definition in image.Maps)
                {
                    maps.Add(definition.Name, CreateOrReuse(definition, options.PinDirectory, pinPaths));
                }

                foreach (ProgramImage program in TailCallTargetsFirst(image))
                {
                    ProgramImage relocated = ImageRelocator.Apply(program, image, maps);
                    programs.Add(program.Name, LoadProgram(relocated, attachTypes[program.Name], options.Program));
                }

                foreach (MapDefinition definition in image.Maps)
                {
                    var slots = definition.ProgramSlots.Count > 0 ? new ProgramArrayView(maps[definition.Name]) : null;
                    foreach (ProgramSlot slot in definition.ProgramSlots)
                    {
                        slots!.Set(slot.Slot, programs[slot.Program]);
                    }
                }

                return new LoadedCollection(maps, programs, pinPaths);
            }
            catch
            {
                foreach (BpfProgram program in programs.Values)
                {
                    program.Dispose();
                }

                foreach (BpfMap map in maps.Values)
                {
                    map.Dispose();
                }

                throw;
            }
        }

        private static Dictionary<string, AttachType?> ChooseAttachTypes(CollectionImage image, bool probe)
        {
            var types = new Dictionary<string, AttachType?>();
            foreach (ProgramImage program in image.Programs)
            {
                AttachType? type = program.ExpectedAttachType;
                if (type is null && program.Type == ProgramType.Xdp && (!probe || KernelFeatures.XdpExpectedAttachType))
                {
                    type = AttachType.Xdp; // kernel 6.18: one attach type per PROG_ARRAY, and XDP links want BPF_XDP
                }

                types[program.Name] = type;
            }

            return types;
        }

        private static BpfProgram LoadProgram(ProgramImage image, AttachType? attachType, ProgramLoadOptions options)
        {
            try
            {
                return BpfProgram.Load(image, options with { ExpectedAttachType = attachType, OmitExpectedAttachType = attachType is null });
            }
            catch (BpfException error) when (attachType is not null && error is not VerifierException &&
                                             (error.Errno == Errno.E2BIG || error.Errno == Errno.EINVAL))
            {
                // Older kernels reject expected_attach_type for some program types: load without it.
                return BpfProgram.Load(image, options with { ExpectedAttachType = null, OmitExpectedAttachType = true });
            }
        }

        private static BpfMap CreateOrReuse(MapDefinition definition, string? pinDirectory, Dictionary<string, string> pinPaths)
        {
            if (definition.Pinning != MapPinning.ByName || pinDirectory is null)
            {
                return BpfMap.Create(definition);
            }

            string path = Path.Combine(pinDirectory, definition.Name);
            pinPaths.Add(definition.Name, path);
            if (BpfFs.Exists(path))
            {
                BpfMap pinned = BpfMap.OpenPinned(path);
                string? mismatch = Mismatch(definition, pinned);
                if (mismatch is null)
                {
                    return pinned;
                }

                pinned.Dispose();
                throw new CollectionException(new[] { $"map '{definition.Name}' pinned at {path} differs from its definition: {mismatch}; unpin it to recreate" });
            }

            BpfMap map = BpfMap.Create(definition);
            try
            {
                map.Pin(path);
            }
            catch
            {
                map.Dispose();
                throw;
            }

            return map;
        }

        private static string? Mismatch(MapDefinition definition, BpfMap map)
        {
            if (map.Type != definition.Type)
            {
                return $"type {map.Type}, wanted {definition.Type}";
            }

            if (map.KeySize != definition.KeySize || map.ValueSize != definition.ValueSize)
            {
                return $"key/value {map.KeySize}/{map.ValueSize} bytes, wanted {definition.KeySize}/{definition.ValueSize}";
            }

            if (map.MaxEntries != definition.MaxEntries)
            {
                return $"max_entries {map.MaxEntries}, wanted {definition.MaxEntries}";
            }

            return map.Flags != definition.Flags ? $"flags 0x{map.Flags:x}, wanted 0x{definition.Flags:x}" : null;
        }

        private static IEnumerable<ProgramImage> TailCallTargetsFirst(CollectionImage image)
        {
            var targets = new HashSet<string>();
            foreach (MapDefinition map in image.Maps)
            {
                foreach (ProgramSlot slot in map.ProgramSlots)
                {
                    targets.Add(slot.Program);
                }
            }

            foreach (ProgramImage program in image.Programs)
            {
                if (targets.Contains(program.Name))
                {
                    yield return program;
                }
            }

            foreach (ProgramImage program in image.Programs)
            {
                if (!targets.Contains(program.Name))
                {
                    yield return program;
                }
            }
        }
    }
}
