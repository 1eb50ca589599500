using System;

namespace Ebpf.Dsl
{
    /// <summary>
    /// Marks a static method <c>XdpAction Name(XdpContext ctx)</c> as an XDP program; the method name is the program's
    /// name in the kernel, in <c>status</c>, and in the generated skeleton.
    /// </summary>
    /// <remarks>Kernel: BPF_PROG_TYPE_XDP, ELF section "xdp", expected_attach_type BPF_XDP; since 4.8.</remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class XdpAttribute : Attribute
    {
    }
}
