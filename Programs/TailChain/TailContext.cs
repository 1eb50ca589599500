using System.Runtime.InteropServices;

namespace Ebpf.Programs.TailChain
{
    /// <summary>
    /// What the stages of a tail-call chain share through a one-entry per-CPU array: each stage writes its value, the
    /// last one reads both. User space reads it through the generated skeleton's <c>PerCpuArrayView&lt;TailContext&gt;</c>.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TailContext
    {
        /// <summary>Written by the first stage (11).</summary>
        public byte ValueFrom1;

        /// <summary>Written by the second stage (22).</summary>
        public byte ValueFrom2;
    }
}
