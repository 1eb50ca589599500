using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;

namespace Ebpf.Compiler.IR
{
    /// <summary>A program: its entry function first, then the functions it calls (BPF-to-BPF).</summary>
    public sealed class IrModule
    {
        /// <summary>Creates an empty module.</summary>
        public IrModule(string name, ProgramType programType)
        {
            Name = name;
            ProgramType = programType;
        }

        /// <summary>The program's name in the kernel.</summary>
        public string Name { get; }

        /// <summary>The kernel program type.</summary>
        public ProgramType ProgramType { get; }

        /// <summary>expected_attach_type, when the program type needs one.</summary>
        public AttachType? ExpectedAttachType { get; set; }

        /// <summary>The license string.</summary>
        public string License { get; set; } = "GPL";

        /// <summary>The functions; the first is the program's entry.</summary>
        public List<IrFunction> Functions { get; } = new List<IrFunction>();

        /// <summary>The entry function.</summary>
        public IrFunction Entry => Functions[0];

        /// <summary>The function of the given name, or null.</summary>
        public IrFunction? Find(string name) => Functions.FirstOrDefault(f => f.Name == name);

        /// <inheritdoc />
        public override string ToString() => IrPrinter.Print(this);
    }
}
