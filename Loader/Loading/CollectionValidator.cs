using System.Collections.Generic;
using Ebpf.Asm;

namespace Ebpf.Loader.Loading
{
    /// <summary>Checks a <see cref="CollectionImage"/> for everything that can be known before the kernel sees it.</summary>
    internal static class CollectionValidator
    {
        /// <summary>Throws <see cref="CollectionException"/> listing every problem.</summary>
        public static void Validate(CollectionImage image, IReadOnlyDictionary<string, AttachType?> attachTypes)
        {
            var problems = new List<string>();
            var maps = new Dictionary<string, MapDefinition>();
            var programs = new Dictionary<string, ProgramImage>();
            foreach (MapDefinition map in image.Maps)
            {
                if (!maps.ContainsKey(map.Name))
                {
                    maps.Add(map.Name, map);
                }
                else
                {
                    problems.Add($"two maps are named '{map.Name}'");
                }
            }

            foreach (ProgramImage program in image.Programs)
            {
                if (!programs.ContainsKey(program.Name))
                {
                    programs.Add(program.Name, program);
                }
                else
                {
                    problems.Add($"two programs are named '{program.Name}'");
                }
            }

            foreach (MapDefinition map in image.Maps)
            {
                CheckProgramSlots(map, programs, attachTypes, problems);
            }

            foreach (ProgramImage program in image.Programs)
            {
                CheckRelocations(program, maps, image, problems);
            }

            if (problems.Count > 0)
            {
                throw new CollectionException(problems);
            }
        }

        /// <summary>The slot a PROG_ARRAY gives <paramref name="program"/>, or null (error text in <paramref name="problem"/>).</summary>
        public static int? SlotOf(CollectionImage image, string program, out string? problem)
        {
            int? slot = null;
            string? array = null;
            foreach (MapDefinition map in image.Maps)
            {
                foreach (ProgramSlot entry in map.ProgramSlots)
                {
                    if (entry.Program != program)
                    {
                        continue;
                    }

                    if (slot is int existing && existing != entry.Slot)
                    {
                        problem = $"program '{program}' has slot {existing} in '{array}' and slot {entry.Slot} in '{map.Name}'; a tail call by name needs one slot";
                        return null;
                    }

                    slot = entry.Slot;
                    array = map.Name;
                }
            }

            problem = slot is null ? $"no PROG_ARRAY gives program '{program}' a slot" : null;
            return slot;
        }

        private static void CheckProgramSlots(
            MapDefinition map,
            Dictionary<string, ProgramImage> programs,
            IReadOnlyDictionary<string, AttachType?> attachTypes,
            List<string> problems)
        {
            if (map.ProgramSlots.Count == 0)
            {
                return;
            }

            if (map.Type != MapType.ProgramArray)
            {
                problems.Add($"map '{map.Name}' is {map.Type} but lists program slots; only a PROG_ARRAY holds programs");
                return;
            }

            var used = new Dictionary<int, string>();
            ProgramImage? first = null;
            foreach (ProgramSlot slot in map.ProgramSlots)
            {
                if (slot.Slot < 0 || slot.Slot >= map.MaxEntries)
                {
                    problems.Add($"PROG_ARRAY '{map.Name}' has max_entries {map.MaxEntries} but program '{slot.Program}' is given slot {slot.Slot}; " +
                                 $"raise max_entries to at least {slot.Slot + 1}");
                }

                if (used.TryGetValue(slot.Slot, out string? other))
                {
                    problems.Add($"PROG_ARRAY '{map.Name}' gives slot {slot.Slot} to both '{other}' and '{slot.Program}'");
                }
                else
                {
                    used.Add(slot.Slot, slot.Program);
                }

                if (!programs.TryGetValue(slot.Program, out ProgramImage? program))
                {
                    problems.Add($"PROG_ARRAY '{map.Name}' slot {slot.Slot} names program '{slot.Program}', which the collection does not have");
                    continue;
                }

                if (first is null)
                {
                    first = program;
                }
                else if (first.Type != program.Type)
                {
                    problems.Add($"PROG_ARRAY '{map.Name}' mixes program types: '{first.Name}' is {first.Type}, '{program.Name}' is {program.Type}");
                }
                else if (!Equals(attachTypes[first.Name], attachTypes[program.Name]))
                {
                    problems.Add($"PROG_ARRAY '{map.Name}' mixes expected attach types: '{first.Name}' has {Describe(attachTypes[first.Name])}, " +
                                 $"'{program.Name}' has {Describe(attachTypes[program.Name])} (kernel 6.18 requires one per array)");
                }
            }
        }

        private static void CheckRelocations(ProgramImage program, Dictionary<string, MapDefinition> maps, CollectionImage image, List<string> problems)
        {
            foreach (Relocation relocation in program.Relocations)
            {
                string where = $"program '{program.Name}' instruction {relocation.InstructionIndex}";
                if (relocation.InstructionIndex < 0 || relocation.InstructionIndex >= program.Instructions.Count)
                {
                    problems.Add($"{where}: relocation for '{relocation.Symbol}' points past the {program.Instructions.Count} instructions");
                    continue;
                }

                Instruction instruction = program.Instructions[relocation.InstructionIndex];
                switch (relocation.Kind)
                {
                    case RelocationKind.MapFd:
                    case RelocationKind.MapValue:
                        if (!maps.ContainsKey(relocation.Symbol))
                        {
                            problems.Add($"{where} refers to map '{relocation.Symbol}', which the collection does not have");
                        }

                        if (!instruction.IsWide)
                        {
                            problems.Add($"{where}: a {relocation.Kind} relocation needs an LD_IMM64 instruction");
                        }

                        break;
                    case RelocationKind.ProgramSlot:
                        SlotOf(image, relocation.Symbol, out string? problem);
                        if (problem is not null)
                        {
                            problems.Add($"{where}: tail call to '{relocation.Symbol}': {problem}");
                        }

                        break;
                }
            }
        }

        private static string Describe(AttachType? type) => type?.ToString() ?? "none";
    }
}
