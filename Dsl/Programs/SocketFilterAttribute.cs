using System;

namespace Ebpf.Dsl
{
    /// <summary>
    /// Marks a static method <c>uint Name(SkBuffContext ctx)</c> as a socket filter: the return value is how many bytes of
    /// the packet the socket keeps (0 drops it).
    /// </summary>
    /// <remarks>Kernel: BPF_PROG_TYPE_SOCKET_FILTER, ELF section "socket"; since 3.19. No direct packet access:
    /// read packet bytes with <see cref="SkBuffContext.LoadBytes"/>.</remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class SocketFilterAttribute : Attribute
    {
    }
}
