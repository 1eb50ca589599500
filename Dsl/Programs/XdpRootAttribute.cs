using System;

namespace Ebpf.Dsl
{
    /// <summary>
    /// Makes a static method <c>RootVerdict Name(XdpContext ctx)</c> the entry program of the XDP root array: it decides
    /// whether a frame is malformed (<see cref="RootVerdict.Aborted"/>), not for the slots
    /// (<see cref="RootVerdict.PassToKernel"/>), or worth trying the slots (<see cref="RootVerdict.TrySlots"/>). The
    /// loader links the rest for the slot count it attaches with: tail calls into slots 0 .. N-1 in order with constant
    /// keys, XDP_PASS when every slot is empty, and the count of the final verdict in the root's row (row N).
    /// </summary>
    /// <remarks>Kernel: BPF_PROG_TYPE_XDP, expected_attach_type BPF_XDP (since 4.8); the body runs as a BPF-to-BPF
    /// subprogram (since 4.16). The root array is this project's convention, not a kernel feature.</remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class XdpRootAttribute : Attribute
    {
    }
}
