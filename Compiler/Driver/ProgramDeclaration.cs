using Ebpf.Asm;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Driver
{
    /// <summary>A program method found by its attribute: what the kernel needs to know about it.</summary>
    internal sealed class ProgramDeclaration
    {
        public ProgramDeclaration(IMethodSymbol method, ProgramType type, AttachType? attachType, string attribute, string contextType, string verdictType)
        {
            Method = method;
            Type = type;
            AttachType = attachType;
            Attribute = attribute;
            ContextType = contextType;
            VerdictType = verdictType;
        }

        public IMethodSymbol Method { get; }

        /// <summary>The program's name in the kernel: the method's name.</summary>
        public string Name => Method.Name;

        public ProgramType Type { get; }

        public AttachType? AttachType { get; }

        /// <summary>The attribute as written, for messages ("Xdp", "CgroupSkb").</summary>
        public string Attribute { get; }

        /// <summary>Full metadata name of the context parameter type the attribute requires.</summary>
        public string ContextType { get; }

        /// <summary>Full metadata name of the return type the attribute requires (or System.UInt32).</summary>
        public string VerdictType { get; }

        /// <summary>The default slot of an <c>[XdpSlot(k)]</c> program (k), else null.</summary>
        public int? Slot { get; set; }
    }
}
