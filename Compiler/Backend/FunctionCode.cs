using System.Collections.Generic;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>One function's selected instructions, before jumps and calls are resolved.</summary>
    internal sealed class FunctionCode
    {
        public FunctionCode(string name, List<EmittedInstruction> code, Dictionary<BasicBlock, int> blockStarts, int frameSize)
        {
            Name = name;
            Code = code;
            BlockStarts = blockStarts;
            FrameSize = frameSize;
        }

        public string Name { get; }

        public List<EmittedInstruction> Code { get; }

        /// <summary>Index in <see cref="Code"/> of each block's first instruction.</summary>
        public Dictionary<BasicBlock, int> BlockStarts { get; }

        public int FrameSize { get; }
    }
}
