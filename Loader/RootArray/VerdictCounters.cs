using System.Runtime.InteropServices;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// One row of the root array's stats map: how many packets ended with each XDP verdict. Per CPU in the
    /// kernel; <see cref="operator +"/> sums CPUs.
    /// </summary>
    /// <remarks>Layout: six u64 in verdict order (XDP_ABORTED 0, XDP_DROP 1, XDP_PASS 2, XDP_TX 3, XDP_REDIRECT 4), then any other value.</remarks>
    [StructLayout(LayoutKind.Sequential)]
    public readonly record struct VerdictCounters(ulong Aborted, ulong Drop, ulong Pass, ulong Tx, ulong Redirect, ulong InvalidAction)
    {
        /// <summary>The row size in bytes.</summary>
        public const int Size = 48;

        /// <summary>The column a verdict is counted in: the verdict itself for 0..4, else 5 (XDP_INVALID_ACTION).</summary>
        public static int Column(uint verdict) => verdict <= 4 ? (int)verdict : 5;

        /// <summary>The column's name as the status table heads it: XDP_ABORTED … XDP_REDIRECT, else XDP_INVALID_ACTION.</summary>
        public static string ColumnName(uint verdict) => Column(verdict) switch
        {
            0 => "XDP_ABORTED",
            1 => "XDP_DROP",
            2 => "XDP_PASS",
            3 => "XDP_TX",
            4 => "XDP_REDIRECT",
            _ => "XDP_INVALID_ACTION",
        };

        /// <summary>The total over all columns.</summary>
        public ulong Total => Aborted + Drop + Pass + Tx + Redirect + InvalidAction;

        /// <summary>Adds two rows column by column.</summary>
        public static VerdictCounters operator +(VerdictCounters left, VerdictCounters right) => new VerdictCounters(
            left.Aborted + right.Aborted,
            left.Drop + right.Drop,
            left.Pass + right.Pass,
            left.Tx + right.Tx,
            left.Redirect + right.Redirect,
            left.InvalidAction + right.InvalidAction);
    }
}
