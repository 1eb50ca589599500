using Ebpf.Asm;
using Ebpf.Loader.Programs;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// The empty programs whose test-run time is the floor subtracted from every measurement: the cost of
    /// BPF_PROG_TEST_RUN itself (context set-up, dispatch, timer) rather than of any instruction we or clang emit.
    /// </summary>
    internal static class FloorPrograms
    {
        /// <summary>Loads <c>r0 = XDP_PASS; exit</c>.</summary>
        public static BpfProgram EmptyXdp() =>
            BpfProgram.Load(Assembler.Assemble("r0 = 2\nexit\n", "empty_xdp", ProgramType.Xdp));

        /// <summary>Loads <c>r0 = 1 (allow); exit</c> as a cgroup_skb/egress program.</summary>
        public static BpfProgram EmptyCgroupSkb() =>
            BpfProgram.Load(
                Assembler.Assemble("r0 = 1\nexit\n", "empty_cg_skb", ProgramType.CgroupSkb),
                new ProgramLoadOptions { ExpectedAttachType = AttachType.CgroupInetEgress });

        /// <summary>The floor program for programs of <paramref name="type"/>.</summary>
        public static BpfProgram For(ProgramType type) => type switch
        {
            ProgramType.Xdp => EmptyXdp(),
            ProgramType.CgroupSkb => EmptyCgroupSkb(),
            _ => throw new System.NotSupportedException($"no floor program for {type}"),
        };
    }
}
