using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ebpf.Asm;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// Puts a compiled body (a slot program's or the root's) inline in front of the epilogue the linkers write, instead of
    /// calling it as a BPF-to-BPF subprogram:
    /// <code>
    /// *(u64 *)(r10 - S) = r1           ; the context, below everything the body's main function touches
    /// body                             ; each exit of its main function is now "goto epilogue" (verdict in r0)
    /// epilogue: r6 = *(u64 *)(r10 - S) ; the context back, then the caller's epilogue (count, tail calls, exit)
    /// the body's own subprograms       ; exits untouched; call immediates that straddle the epilogue fixed
    /// </code>
    /// S = the body's stack depth rounded up to 8, plus 8. The body's relocations and source map move with it (its C#
    /// lines stay its own); the spill has no source location and the epilogue's instructions point into the wrapper's
    /// assembly file. The epilogue may use the stack freely: by the time it runs the body's frame and the spill are dead.
    /// </summary>
    /// <remarks>
    /// Why: on x86-64 a BPF-to-BPF call costs a second prologue and a <c>ret</c>, which with the SRSO mitigation goes
    /// through a return thunk: 7–11 ns per packet on the benchmark machine (docs/benchmarks.md). When the depth cannot
    /// be bounded (see <see cref="CallFormReason"/>), the linkers fall back to the call form.
    /// </remarks>
    public static class InlineBodyLinker
    {
        /// <summary>The stack the verifier gives one frame (MAX_BPF_STACK).</summary>
        public const int FrameSize = 512;

        /// <summary>How the linkers will put <paramref name="body"/> behind their epilogue.</summary>
        public static BodyLinkForm FormFor(ProgramImage body) => CallFormReason(body) is null ? BodyLinkForm.Inline : BodyLinkForm.Call;

        /// <summary>Why <paramref name="body"/> has to be called rather than inlined, or null when it can be inlined.</summary>
        /// <remarks>
        /// Reasons: a branch of the main function leaves it, the main function never exits, or its stack cannot be
        /// bounded: r10 written, compared or in arithmetic, a stack pointer moved by a register amount, stored to
        /// memory, or pushed down after paths disagree on it; or the depth plus the 8-byte spill exceeds 512 bytes.
        /// </remarks>
        public static string? CallFormReason(ProgramImage body)
        {
            Plan(body ?? throw new ArgumentNullException(nameof(body)), out _, out _, out string? reason);
            return reason;
        }

        /// <summary>How many bytes below r10 the main function of <paramref name="body"/> touches, or null when unbounded.</summary>
        public static int? StackDepth(ProgramImage body)
        {
            BodyLayout? layout = BodyLayout.Read((body ?? throw new ArgumentNullException(nameof(body))).Instructions, out _);
            return layout is null ? null : BodyStackAnalysis.DepthOf(body.Instructions, layout, out _);
        }

        /// <summary>
        /// <paramref name="body"/> inlined in front of <paramref name="epilogue"/> (assembly that finds the verdict in r0 and
        /// the context in r6), named <paramref name="name"/>; null when only the call form will do.
        /// </summary>
        internal static ProgramImage? TryLink(string name, ProgramImage body, string epilogue, string wrapperFile)
        {
            if (!Plan(body, out BodyLayout? layout, out int spill, out _))
            {
                return null;
            }

            string offset = spill.ToString(CultureInfo.InvariantCulture);
            ProgramImage wrapper = Assembler.Assemble(
                "    *(u64 *)(r10 - " + offset + ") = r1\n    r6 = *(u64 *)(r10 - " + offset + ")\n" + epilogue, name, ProgramType.Xdp, wrapperFile);
            return Splice(name, body, layout!, wrapper);
        }

        private static bool Plan(ProgramImage body, out BodyLayout? layout, out int spill, out string? reason)
        {
            spill = 0;
            layout = BodyLayout.Read(body.Instructions, out reason);
            if (layout is null)
            {
                return false;
            }

            int? depth = BodyStackAnalysis.DepthOf(body.Instructions, layout, out string? failure);
            if (depth is null)
            {
                reason = "the body's stack depth cannot be bounded: " + failure;
                return false;
            }

            spill = ((depth.Value + 7) & ~7) + 8;
            if (spill > FrameSize)
            {
                reason = $"the body's stack reaches {depth} bytes below r10: no room for the 8-byte context spill under it";
                return false;
            }

            return true;
        }

        private static ProgramImage Splice(string name, ProgramImage body, BodyLayout layout, ProgramImage wrapper)
        {
            int main = layout.MainCount;
            int mainSlots = layout.MainSlots;
            int tail = wrapper.Instructions.Count - 1;                   // the reload + the caller's epilogue
            int tailSlots = wrapper.SlotCount - 1;
            int NewIndex(int index) => index < main ? index + 1 : index + 1 + tail;
            int NewSlot(int slot) => slot < mainSlots ? slot + 1 : slot + 1 + tailSlots;

            var instructions = new List<Instruction>(body.Instructions.Count + wrapper.Instructions.Count) { wrapper.Instructions[0] };
            for (int i = 0; i < body.Instructions.Count; i++)
            {
                if (i == main)
                {
                    for (int w = 1; w < wrapper.Instructions.Count; w++)
                    {
                        instructions.Add(wrapper.Instructions[w]);
                    }
                }

                Instruction instruction = body.Instructions[i];
                if (i < main && instruction.IsExit)
                {
                    instruction = Emit.Goto((short)(mainSlots - layout.SlotOf(i) - 1));
                }
                else if (BodyLayout.NamesSubprogram(instruction))
                {
                    int relative = NewSlot(layout.CallTargetSlot(i)) - NewSlot(layout.SlotOf(i)) - 1;
                    instruction = instruction.WithConstant(instruction.IsWide ? (instruction.Constant & ~0xffffffffL) | (uint)relative : relative);
                }

                instructions.Add(instruction);
            }

            if (main == body.Instructions.Count)
            {
                for (int w = 1; w < wrapper.Instructions.Count; w++)
                {
                    instructions.Add(wrapper.Instructions[w]);
                }
            }

            var relocations = new List<Relocation>(body.Relocations.Count + wrapper.Relocations.Count);
            foreach (Relocation relocation in body.Relocations)
            {
                relocations.Add(relocation with { InstructionIndex = NewIndex(relocation.InstructionIndex) });
            }

            foreach (Relocation relocation in wrapper.Relocations)
            {
                relocations.Add(relocation with { InstructionIndex = relocation.InstructionIndex + main });
            }

            relocations.Sort((a, b) => a.InstructionIndex.CompareTo(b.InstructionIndex));
            return new ProgramImage(name, ProgramType.Xdp, instructions)
            {
                ExpectedAttachType = AttachType.Xdp,
                License = body.License,
                Relocations = relocations,
                SourceMap = SpliceSourceMap(body, wrapper, main, tail),
            };
        }

        private static List<SourceMapEntry> SpliceSourceMap(ProgramImage body, ProgramImage wrapper, int main, int tail)
        {
            var sourceMap = new List<SourceMapEntry>(body.SourceMap.Count + wrapper.SourceMap.Count + 1);
            foreach (SourceMapEntry entry in body.SourceMap)
            {
                if (entry.InstructionIndex < main)
                {
                    sourceMap.Add(entry with { InstructionIndex = entry.InstructionIndex + 1 });
                }
            }

            foreach (SourceMapEntry entry in wrapper.SourceMap)
            {
                if (entry.InstructionIndex >= 1)
                {
                    sourceMap.Add(entry with { InstructionIndex = entry.InstructionIndex + main });   // the spill keeps no location
                }
            }

            if (main < body.Instructions.Count && body.LocationOf(main) is SourceLocation subprogramStart
                && !body.SourceMap.Any(entry => entry.InstructionIndex == main))
            {
                sourceMap.Add(new SourceMapEntry(main + 1 + tail, subprogramStart));                      // an entry before main covered it
            }

            foreach (SourceMapEntry entry in body.SourceMap)
            {
                if (entry.InstructionIndex >= main)
                {
                    sourceMap.Add(entry with { InstructionIndex = entry.InstructionIndex + 1 + tail });
                }
            }

            return sourceMap;
        }
    }
}
