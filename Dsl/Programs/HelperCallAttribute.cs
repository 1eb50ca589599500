using System;

namespace Ebpf.Dsl
{
    /// <summary>
    /// Says which kernel helper function a DSL member is lowered to. The compiler reads this from the symbol, so the
    /// table of helpers lives in one place: here, on the members.
    /// </summary>
    /// <remarks>
    /// Which program types may call a helper is a property of the helper id, not of the member, so it is kept once per
    /// id in the compiler's <c>Ebpf.Compiler.FrontEnd.HelperAvailability</c> (EBPF4004), which a kernel test keeps
    /// equal to what the running kernel's verifier accepts.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
    public sealed class HelperCallAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="id">The helper id (position in <c>__BPF_FUNC_MAPPER</c> of linux/bpf.h).</param>
        /// <param name="kernelName">The helper's kernel name, e.g. <c>bpf_ktime_get_ns</c>.</param>
        /// <param name="minKernel">The first kernel version that has the helper, e.g. <c>"4.1"</c>.</param>
        public HelperCallAttribute(int id, string kernelName, string minKernel)
        {
            Id = id;
            KernelName = kernelName;
            MinKernel = minKernel;
        }

        /// <summary>The helper id (enum bpf_func_id).</summary>
        public int Id { get; }

        /// <summary>The helper's kernel name.</summary>
        public string KernelName { get; }

        /// <summary>The first kernel version that has the helper.</summary>
        public string MinKernel { get; }
    }
}
