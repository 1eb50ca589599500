using System;
using System.Text;
using Ebpf.Asm;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// Builds slot programs in assembly: the author's body plus the epilogue every slot program must end with.
    /// </summary>
    /// <remarks>
    /// The slot program contract: a program in slot <c>k</c> of an <c>N</c>-slot root array
    /// <list type="number">
    /// <item>is XDP, loaded with expected_attach_type BPF_XDP (kernel 6.18 requires one attach type per PROG_ARRAY);</item>
    /// <item>uses the pinned maps by name (<c>root_slots</c>, <c>root_stats</c> under /sys/fs/bpf/ebpf-managed/&lt;iface&gt;/);</item>
    /// <item>counts its own verdict in row <c>k</c> of <c>root_stats</c> (column = verdict 0..4, else 5);</item>
    /// <item>if the verdict is XDP_PASS, tail-calls slots <c>k+1</c> … <c>N-1</c> in order with constant keys
    /// (an empty slot falls through to the next);</item>
    /// <item>returns its verdict (XDP_PASS when every later slot is empty).</item>
    /// </list>
    /// <see cref="Epilogue"/> writes steps 3-5: the body jumps to label <c>slot_epilogue</c> with the verdict in
    /// <c>r0</c> and the context in <c>r6</c> (so the body starts with <c>r6 = r1</c>). It uses r1-r5, r7 and the
    /// 4 bytes at r10-4.
    /// </remarks>
    public static class SlotProgramAssembly
    {
        /// <summary>The label the body jumps to with the verdict in r0.</summary>
        public const string EpilogueLabel = "slot_epilogue";

        /// <summary>The epilogue text for slot <paramref name="slot"/> of <paramref name="slots"/>.</summary>
        public static string Epilogue(int slot, int slots)
        {
            if (slots < 1 || slots > RootArrayImage.MaxSlots || slot < 0 || slot >= slots)
            {
                throw new ArgumentOutOfRangeException(nameof(slot), slot, $"slot must be in 0..{slots - 1} of 1..{RootArrayImage.MaxSlots} slots");
            }

            var text = new StringBuilder();
            text.Append(EpilogueLabel).Append(":\n")
                .Append("    r7 = r0\n")
                .CountVerdict(slot, "slot_column", "slot_counted")
                .Append("    if r7 != 2 goto slot_return\n")
                .TailCalls(slot + 1, slots - 1)
                .Append("slot_return:\n")
                .Append("    r0 = r7\n")
                .Append("    exit\n");
            return text.ToString();
        }

        /// <summary>
        /// A one-program collection for slot <paramref name="slot"/>: <paramref name="body"/> followed by the epilogue, with
        /// the two root maps declared pinned by name, so <c>Collection.Load</c> with
        /// <c>PinDirectory = RootArrayPaths.For(iface).Directory</c> reuses the attached root array's maps.
        /// </summary>
        public static CollectionImage Build(string name, string body, int slot, int slots)
        {
            ProgramImage program = Assembler.Assemble(body + "\n" + Epilogue(slot, slots), name, ProgramType.Xdp, name + ".s")
                with { ExpectedAttachType = AttachType.Xdp };
            return new CollectionImage(
                RootArrayImage.MapsFor(slots, MapPinning.ByName),
                new[] { program });
        }
    }
}
