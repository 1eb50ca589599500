using System;

namespace Ebpf.Dsl
{
    /// <summary>
    /// Marks a member that exists only for the managed (CLR) implementation: test set-up, simulation control and
    /// user-side inspection. The compiler rejects its use inside a program.
    /// </summary>
    [AttributeUsage(AttributeTargets.All, Inherited = false)]
    public sealed class ManagedOnlyAttribute : Attribute
    {
    }
}
