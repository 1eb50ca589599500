using System.Collections.Generic;
using Ebpf.Asm;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// Which of the DSL's program types may call each helper a DSL member is lowered to (EBPF4004): the one table,
    /// keyed by helper id (<c>enum bpf_func_id</c>).
    /// </summary>
    /// <remarks>
    /// Measured on kernel 6.18 as root, where the verifier's <c>get_func_proto</c> of each program type decides it
    /// ("program of this type cannot use helper"); Verifier.Tests' HelperAvailabilityKernelTests loads every helper
    /// into every type and keeps the table equal to what the kernel accepts. A few helpers are offered only to
    /// privileged loaders (bpf_trace_printk needs CAP_PERFMON); the table records the root view.
    /// </remarks>
    public static class HelperAvailability
    {
        private const ProgramType Xdp = ProgramType.Xdp;
        private const ProgramType SchedCls = ProgramType.SchedCls;
        private const ProgramType CgroupSkb = ProgramType.CgroupSkb;
        private const ProgramType SocketFilter = ProgramType.SocketFilter;

        private static readonly Dictionary<int, ProgramType[]> AllowedTypes = new Dictionary<int, ProgramType[]>
        {
            [1] = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter },   // bpf_map_lookup_elem
            [2] = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter },   // bpf_map_update_elem
            [3] = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter },   // bpf_map_delete_elem
            [5] = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter },   // bpf_ktime_get_ns
            [6] = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter },   // bpf_trace_printk
            [7] = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter },   // bpf_get_prandom_u32
            [8] = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter },   // bpf_get_smp_processor_id
            [12] = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter },  // bpf_tail_call
            [23] = new[] { Xdp, SchedCls },                           // bpf_redirect
            [26] = new[] { SchedCls, CgroupSkb, SocketFilter },       // bpf_skb_load_bytes
            [28] = new[] { Xdp, SchedCls },                           // bpf_csum_diff
            [44] = new[] { Xdp },                                     // bpf_xdp_adjust_head
            [51] = new[] { Xdp },                                     // bpf_redirect_map
            [54] = new[] { Xdp },                                     // bpf_xdp_adjust_meta
            [65] = new[] { Xdp },                                     // bpf_xdp_adjust_tail
            [130] = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter }, // bpf_ringbuf_output
            [131] = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter }, // bpf_ringbuf_reserve
            [132] = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter }, // bpf_ringbuf_submit
            [133] = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter }, // bpf_ringbuf_discard
            [189] = new[] { Xdp },                                    // bpf_xdp_load_bytes
            [195] = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter }, // bpf_map_lookup_percpu_elem
        };

        /// <summary>The program types the DSL compiles (its program attributes), in the order the table lists them.</summary>
        public static IReadOnlyList<ProgramType> ProgramTypes { get; } = new[] { Xdp, SchedCls, CgroupSkb, SocketFilter };

        /// <summary>True when the table records <paramref name="helperId"/>.</summary>
        /// <param name="helperId">The helper id (<c>enum bpf_func_id</c>).</param>
        public static bool IsKnown(int helperId) => AllowedTypes.ContainsKey(helperId);

        /// <summary>
        /// False when a program of <paramref name="programType"/> may not call helper <paramref name="helperId"/>;
        /// true when it may, and for helpers or program types the table does not record (the kernel decides).
        /// </summary>
        /// <param name="helperId">The helper id (<c>enum bpf_func_id</c>).</param>
        /// <param name="programType">The calling program's type.</param>
        public static bool IsAllowed(int helperId, ProgramType programType)
        {
            if (!AllowedTypes.TryGetValue(helperId, out ProgramType[]? types) || !((IList<ProgramType>)ProgramTypes).Contains(programType))
            {
                return true;
            }

            return System.Array.IndexOf(types, programType) >= 0;
        }

        /// <summary>
        /// EBPF4004 at <paramref name="call"/> for each helper <paramref name="target"/> is lowered to
        /// (its <c>[HelperCall]</c> attributes) that the program being lowered may not call. A method inlined into
        /// programs of several types is checked once per program, against that program's type.
        /// </summary>
        internal static void Check(ProgramLoweringContext program, IMethodSymbol target, SyntaxNode call)
        {
            foreach (AttributeData attribute in target.GetAttributes())
            {
                if (DslNames.Of(attribute.AttributeClass) != DslNames.HelperCall || attribute.ConstructorArguments.Length < 2 ||
                    !(attribute.ConstructorArguments[0].Value is int id) || IsAllowed(id, program.ProgramType))
                {
                    continue;
                }

                string kernelName = attribute.ConstructorArguments[1].Value as string ?? "#" + id;
                string member = target.ContainingType.Name + "." + target.Name;
                program.Report(DiagnosticCatalogue.HelperNotAllowed, call, $"{kernelName} ({member})", KernelSpelling(program.ProgramType));
            }
        }

        private static string KernelSpelling(ProgramType type)
        {
            switch (type)
            {
                case ProgramType.Xdp:
                    return "xdp";
                case ProgramType.SchedCls:
                    return "sched_cls";
                case ProgramType.CgroupSkb:
                    return "cgroup_skb";
                case ProgramType.SocketFilter:
                    return "socket_filter";
                default:
                    return type.ToString();
            }
        }
    }
}
