using System;
using System.Globalization;
using System.Text;
using Ebpf.Asm;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// Links a compiled <c>[XdpRoot]</c> body (it returns a <c>RootVerdict</c>) into the root program of an N-slot root
    /// array, named <see cref="RootArrayImage.DefaultProgramName"/>:
    /// <code>
    /// *(u64 *)(r10 - S) = r1             ; the context, below the body's stack
    /// body                               ; its main function's exits become "goto epilogue"
    /// epilogue: r6 = *(u64 *)(r10 - S)
    /// if r0 == TrySlots: tail-call 0 … N-1 (constant keys; an empty slot falls through), then r7 = XDP_PASS
    /// else r7 = r0                       ; Aborted (0) or PassToKernel (XDP_PASS)
    /// count r7 in row N of root_stats (column 0..4, else 5); r0 = r7; exit
    /// the body's subprograms, if any
    /// </code>
    /// (<see cref="InlineBodyLinker"/>; a body whose stack cannot be bounded is called as a BPF-to-BPF subprogram
    /// instead: <c>r6 = r1; call body; &lt;the same epilogue&gt;; body</c>). The root's row thus counts only frames that
    /// never reached a slot program, as with xdp_root.s.
    /// </summary>
    /// <remarks>Kernel: constant-key tail calls become direct jumps in the JIT; the call form needs BPF-to-BPF calls
    /// (4.16) mixed with tail calls (5.10 on x86-64).</remarks>
    public static class RootProgramLinker
    {
        /// <summary><c>RootVerdict.TrySlots</c>: not an XDP action value.</summary>
        public const uint TrySlots = 0x100;

        /// <summary>The file name the wrapper's assembly is reported under.</summary>
        public const string WrapperFile = "root_wrapper.s";

        /// <summary>The root program for <paramref name="slots"/> slots around <paramref name="body"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="slots"/> is not 1..<see cref="RootArrayImage.MaxSlots"/>.</exception>
        public static ProgramImage Link(ProgramImage body, int slots)
        {
            if (slots < 1 || slots > RootArrayImage.MaxSlots)
            {
                throw new ArgumentOutOfRangeException(nameof(slots), slots, $"a root array has 1..{RootArrayImage.MaxSlots} slots");
            }

            if ((body ?? throw new ArgumentNullException(nameof(body))).Type != ProgramType.Xdp)
            {
                throw new ArgumentException($"program '{body.Name}' is {body.Type}, not XDP", nameof(body));
            }

            string epilogue = Epilogue(slots);
            return InlineBodyLinker.TryLink(RootArrayImage.DefaultProgramName, body, epilogue, WrapperFile)
                ?? SubprogramCall.Link(RootArrayImage.DefaultProgramName, "    r6 = r1\n    call 0\n" + epilogue, WrapperFile, body);
        }

        /// <summary>What runs after the body, with its verdict in r0 and the context in r6.</summary>
        internal static string Epilogue(int slots)
        {
            var text = new StringBuilder();
            text.Append("    if r0 == ").Append(TrySlots.ToString(CultureInfo.InvariantCulture)).Append(" goto try_slots\n")
                .Append("    r7 = r0\n")
                .Append("    goto count\n")
                .Append("try_slots:\n")
                .TailCalls(0, slots - 1)
                .Append("    r7 = 2\n")
                .Append("count:\n")
                .CountVerdict(slots, "column", "out")
                .Append("    r0 = r7\n")
                .Append("    exit\n");
            return text.ToString();
        }

        /// <summary>
        /// The root array image for <paramref name="slots"/> slots around <paramref name="body"/>: the linked root program,
        /// the PROG_ARRAY and the stats map (unpinned: the attach pins them).
        /// </summary>
        public static RootArrayImage Build(ProgramImage body, int slots)
        {
            ProgramImage program = Link(body, slots);
            var image = new CollectionImage(RootArrayImage.MapsFor(slots), new[] { program });
            return new RootArrayImage(image);
        }

        /// <summary>The root array image for <paramref name="slots"/> slots with the shipped DSL root (Programs/RootArray/XdpRoot.cs).</summary>
        public static RootArrayImage Build(int slots) => Build(ShippedBody, slots);

        /// <summary>The shipped root body, <c>Ebpf.Programs.RootArray.XdpRoot.Root</c>, as compiled by the build.</summary>
        public static ProgramImage ShippedBody => Ebpf.Programs.RootArray.XdpRoot.Image.Programs[0];
    }
}
