using System.Globalization;
using System.Text;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// The assembly text the slot and root epilogues share: counting a verdict in a row of <c>root_stats</c>, and
    /// constant-key tail calls into a range of slots. The verdict is in r7 and the context in r6; r0–r5 are clobbered
    /// and the row key goes to the 4 bytes at r10-4.
    /// </summary>
    internal static class RootArrayAssemblyText
    {
        /// <summary>
        /// Counts the verdict in r7 in row <paramref name="row"/> (column = verdict 0..4, else 5), then goes on at
        /// label <paramref name="done"/>, which the caller places right after; <paramref name="column"/> is a label it uses inside.
        /// </summary>
        public static StringBuilder CountVerdict(this StringBuilder text, int row, string column, string done) =>
            text.Append("    r1 = ").Append(row.ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append("    *(u32 *)(r10 - 4) = r1\n")
                .Append("    r2 = r10\n")
                .Append("    r2 += -4\n")
                .Append("    r1 = map[").Append(RootArrayImage.DefaultStatsMapName).Append("] ll\n")
                .Append("    call bpf_map_lookup_elem\n")
                .Append("    if r0 == 0 goto ").Append(done).Append('\n')
                .Append("    r1 = r7\n")
                .Append("    if r1 <= 4 goto ").Append(column).Append('\n')
                .Append("    r1 = 5\n")
                .Append(column).Append(":\n")
                .Append("    r1 <<= 3\n")
                .Append("    r0 += r1\n")
                .Append("    r1 = *(u64 *)(r0 + 0)\n")
                .Append("    r1 += 1\n")
                .Append("    *(u64 *)(r0 + 0) = r1\n")
                .Append(done).Append(":\n");

        /// <summary>Tail calls into slots <paramref name="first"/> … <paramref name="last"/> in order, with constant keys
        /// (the JIT turns each into a direct jump); each returns only when its slot is empty.</summary>
        public static StringBuilder TailCalls(this StringBuilder text, int first, int last)
        {
            for (int slot = first; slot <= last; slot++)
            {
                text.Append("    r1 = r6\n")
                    .Append("    r2 = map[").Append(RootArrayImage.DefaultSlotsMapName).Append("] ll\n")
                    .Append("    r3 = ").Append(slot.ToString(CultureInfo.InvariantCulture)).Append('\n')
                    .Append("    call bpf_tail_call\n");
            }

            return text;
        }
    }
}
