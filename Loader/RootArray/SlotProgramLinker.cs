using System;
using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// Links a compiled slot program (<c>[XdpSlot(k)]</c>: only the author's body, which returns the verdict) for a
    /// concrete slot of an N-slot root array. The result is one XDP program named after the body:
    /// <code>
    /// *(u64 *)(r10 - S) = r1        ; the context, below the body's stack
    /// body                          ; its main function's exits become "goto slot_epilogue"
    /// slot_epilogue:
    /// r6 = *(u64 *)(r10 - S)
    /// r7 = r0; count r7 in row slot of root_stats (column 0..4, else 5)
    /// if r7 == XDP_PASS: tail-call slot+1 … N-1 (constant keys; an empty slot falls through)
    /// r0 = r7; exit
    /// the body's subprograms, if any ; relocations, call immediates and source map shifted
    /// </code>
    /// (<see cref="InlineBodyLinker"/>). When the body's stack cannot be bounded the linker falls back to calling it as a
    /// BPF-to-BPF subprogram: <c>r6 = r1; call body; &lt;the same epilogue&gt;; body</c>.
    /// </summary>
    /// <remarks>
    /// Inline, because a BPF-to-BPF call costs 7–11 ns per packet on x86-64 with the SRSO mitigation (a second
    /// prologue and a <c>ret</c> through the return thunk, docs/benchmarks.md). The body's code is what the compiler
    /// emitted except for its exits; jumps are relative and move with it, and its registers are its own (the epilogue
    /// starts from r0 and the reloaded context). <see cref="InlineBodyLinker.FormFor"/> says which form a body gets.
    /// </remarks>
    public static class SlotProgramLinker
    {
        /// <summary>The file name the wrapper's assembly is reported under.</summary>
        public const string WrapperFile = "slot_epilogue.s";

        /// <summary>Links <paramref name="body"/> for slot <paramref name="slot"/> of <paramref name="slots"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The slot is not in 0..slots-1 or slots not in 1..<see cref="RootArrayImage.MaxSlots"/>.</exception>
        /// <exception cref="ArgumentException">The body is not an XDP program.</exception>
        public static ProgramImage Link(ProgramImage body, int slot, int slots)
        {
            string epilogue = SlotProgramAssembly.Epilogue(slot, slots);
            string name = (body ?? throw new ArgumentNullException(nameof(body))).Name;
            if (body.Type != ProgramType.Xdp)
            {
                throw new ArgumentException($"program '{body.Name}' is {body.Type}, not XDP", nameof(body));
            }

            return InlineBodyLinker.TryLink(name, body, epilogue, WrapperFile)
                ?? SubprogramCall.Link(name, "    r6 = r1\n    call 0\n" + epilogue, WrapperFile, body);
        }

        /// <summary>
        /// The collection to load for slot <paramref name="slot"/> of <paramref name="slots"/>: the slot program
        /// <paramref name="programName"/> of <paramref name="image"/> linked (<see cref="Link(ProgramImage, int, int)"/>),
        /// the programs its tail-call maps name, every map of the image pinned by name (so they live in the interface's
        /// directory), and the root array's <c>root_slots</c> and <c>root_stats</c> declared pinned by name, so
        /// <c>Collection.Load</c> with <c>PinDirectory = RootArrayPaths.For(iface).Directory</c> reuses the root's maps.
        /// </summary>
        /// <param name="image">A compiled program class.</param>
        /// <param name="programName">The slot program's name; null takes the image's only slot program.</param>
        /// <param name="slot">The slot it goes to.</param>
        /// <param name="slots">The root array's slot count.</param>
        /// <exception cref="ArgumentException">No such program, it is not a slot program, or a map of the image uses a root map's name.</exception>
        public static CollectionImage Link(CollectionImage image, string? programName, int slot, int slots)
        {
            ProgramImage body = SlotProgram(image ?? throw new ArgumentNullException(nameof(image)), programName);
            if (image.Maps.Any(m => m.Name == RootArrayImage.DefaultSlotsMapName || m.Name == RootArrayImage.DefaultStatsMapName))
            {
                throw new ArgumentException($"a map of '{body.Name}' is named {RootArrayImage.DefaultSlotsMapName} or {RootArrayImage.DefaultStatsMapName}, which belong to the root array", nameof(image));
            }

            var tailCallTargets = new HashSet<string>(image.Maps.SelectMany(m => m.ProgramSlots).Select(s => s.Program), StringComparer.Ordinal);
            var programs = new List<ProgramImage> { Link(body, slot, slots) };
            programs.AddRange(image.Programs.Where(p => p.Name != body.Name && tailCallTargets.Contains(p.Name)));
            var maps = image.Maps.Select(m => m with { Pinning = MapPinning.ByName }).ToList();
            maps.AddRange(RootArrayImage.MapsFor(slots, MapPinning.ByName));
            return new CollectionImage(maps, programs);
        }

        /// <summary>The slot program <paramref name="programName"/> of <paramref name="image"/>, or its only one when null.</summary>
        /// <exception cref="ArgumentException">No such program, not a slot program, or (null name) not exactly one slot program.</exception>
        public static ProgramImage SlotProgram(CollectionImage image, string? programName)
        {
            if (programName is null)
            {
                ProgramImage[] candidates = image.Programs.Where(p => p.DefaultSlot is not null).ToArray();
                return candidates.Length == 1
                    ? candidates[0]
                    : throw new ArgumentException(candidates.Length == 0
                        ? "the image has no slot program ([XdpSlot(k)])"
                        : $"the image has {candidates.Length} slot programs ({string.Join(", ", candidates.Select(p => p.Name))}): name one");
            }

            ProgramImage program = image.Programs.FirstOrDefault(p => p.Name == programName)
                ?? throw new ArgumentException($"the image has no program '{programName}'");
            return program.DefaultSlot is not null
                ? program
                : throw new ArgumentException($"'{programName}' is not a slot program (it has no [XdpSlot(k)])");
        }
    }
}
