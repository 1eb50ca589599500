using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// Places stack slots below r10, larger alignments first, each at an offset that is a multiple of its <see cref="StackSlot.PlacedAlignment"/>.
    /// </summary>
    internal sealed class FrameLayout
    {
        private readonly Dictionary<StackSlot, int> offsets = new Dictionary<StackSlot, int>();

        public FrameLayout(IrFunction function, int limit)
        {
            int used = 0;
            foreach (StackSlot slot in function.StackSlots.OrderByDescending(s => s.PlacedAlignment).ThenBy(s => function.StackSlots.IndexOf(s)))
            {
                used = (used + slot.Size + slot.PlacedAlignment - 1) / slot.PlacedAlignment * slot.PlacedAlignment;
                offsets[slot] = -used;
            }

            Size = used;
            if (Size > limit)
            {
                throw new StackFrameTooLargeException(function.Name, Size, limit, function.Location);
            }
        }

        /// <summary>Bytes used below r10.</summary>
        public int Size { get; }

        /// <summary>The slot's offset from r10 (negative).</summary>
        public int this[StackSlot slot] => offsets[slot];
    }
}
