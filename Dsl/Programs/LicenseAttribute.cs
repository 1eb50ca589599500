using System;

namespace Ebpf.Dsl
{
    /// <summary>
    /// The license string handed to the kernel for the programs of an assembly or class (a class-level attribute wins).
    /// GPL-only helpers (e.g. <c>bpf_trace_printk</c>) need a GPL-compatible license.
    /// </summary>
    /// <remarks>Kernel: <c>bpf_attr.license</c> of BPF_PROG_LOAD, ELF section "license".</remarks>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, Inherited = false)]
    public sealed class LicenseAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="name">The license, e.g. <c>"GPL"</c> or <c>"Dual BSD/GPL"</c>.</param>
        public LicenseAttribute(string name)
        {
            Name = name;
        }

        /// <summary>The license string.</summary>
        public string Name { get; }
    }
}
