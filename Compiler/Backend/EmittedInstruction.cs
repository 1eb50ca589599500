using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>An instruction as selected, with what linking must still fill in.</summary>
    internal sealed class EmittedInstruction
    {
        public EmittedInstruction(Instruction instruction, SourceLocation? location)
        {
            Instruction = instruction;
            Location = location;
        }

        public Instruction Instruction { get; set; }

        public SourceLocation? Location { get; }

        /// <summary>The block a jump goes to; its offset is resolved at link time.</summary>
        public BasicBlock? JumpTarget { get; set; }

        /// <summary>The function a BPF-to-BPF call goes to.</summary>
        public string? CallTarget { get; set; }

        /// <summary>The relocation the loader applies to this instruction, if any.</summary>
        public RelocationKind? RelocationKind { get; set; }

        public string? RelocationSymbol { get; set; }

        public int RelocationAddend { get; set; }
    }
}
