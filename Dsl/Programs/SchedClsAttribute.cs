using System;

namespace Ebpf.Dsl
{
    /// <summary>
    /// Marks a static method <c>TcAction Name(SkBuffContext ctx)</c> as a traffic-control classifier (tc / tcx),
    /// run in direct-action mode.
    /// </summary>
    /// <remarks>Kernel: BPF_PROG_TYPE_SCHED_CLS, ELF section "tc" (or "tcx/ingress", "tcx/egress"); since 4.1,
    /// direct action since 4.4, tcx links since 6.6.</remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class SchedClsAttribute : Attribute
    {
    }
}
