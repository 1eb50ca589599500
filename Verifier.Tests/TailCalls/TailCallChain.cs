using Ebpf.Asm;
using Ebpf.Verifier.Tests.Infrastructure;

namespace Ebpf.Verifier.Tests.TailCalls
{
    /// <summary>The seed's three-stage chain as a collection: cgroup_skb/egress, and its XDP twin.</summary>
    public static class TailCallChain
    {
        /// <summary>egress1 → egress2 → egress3 with tail_context_map and tail_programs.</summary>
        public static CollectionImage Egress(int programArraySize = 2) => Build(
            programArraySize,
            ProgramType.CgroupSkb,
            AttachType.CgroupInetEgress,
            "egress1",
            "egress2",
            "egress3");

        /// <summary>xdp_stage1 → xdp_stage2 → xdp_stage3.</summary>
        public static CollectionImage Xdp(int programArraySize = 2) => Build(
            programArraySize,
            ProgramType.Xdp,
            null,
            "xdp_stage1",
            "xdp_stage2",
            "xdp_stage3");

        private static CollectionImage Build(int programArraySize, ProgramType type, AttachType? attach, string first, string second, string third)
        {
            var context = new MapDefinition("tail_context_map", MapType.PerCpuArray, 4, 2, 1);
            var programs = new MapDefinition("tail_programs", MapType.ProgramArray, 4, 4, programArraySize)
            {
                ProgramSlots = new[] { new ProgramSlot(0, second), new ProgramSlot(1, third) },
            };
            return new CollectionImage(
                new[] { context, programs },
                new[]
                {
                    AsmPrograms.FromResource(first, type, attach),
                    AsmPrograms.FromResource(second, type, attach),
                    AsmPrograms.FromResource(third, type, attach),
                });
        }
    }
}
