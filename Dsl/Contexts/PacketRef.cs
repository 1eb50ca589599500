using System;
using System.Runtime.CompilerServices;

namespace Ebpf.Dsl
{
    /// <summary>
    /// A bounds-checked reference to a <typeparamref name="T"/> inside packet data, returned by
    /// <see cref="Packet.At{T}"/> only when the whole value lies before data_end.
    /// </summary>
    /// <typeparam name="T">A fixed-layout value such as a header struct.</typeparam>
    /// <remarks>
    /// Kernel: a PTR_TO_PACKET register that passed the <c>ptr + sizeof(T) &lt;= data_end</c> check the compiler emits.
    /// A helper that moves packet boundaries (adjust head/tail/meta) invalidates every reference taken before it;
    /// the verifier rejects a later use, and under the CLR <see cref="Value"/> throws.
    /// </remarks>
    public sealed class PacketRef<T>
        where T : unmanaged
    {
        private readonly PacketFrame _frame;
        private readonly int _offset;
        private readonly int _generation;

        internal PacketRef(PacketFrame frame, int offset)
        {
            _frame = frame;
            _offset = offset;
            _generation = frame.Generation;
        }

        /// <summary>The value in the packet, by reference: writes change the packet.</summary>
        public ref T Value
        {
            get
            {
                if (_frame.Generation != _generation)
                {
                    throw new InvalidOperationException(
                        "packet reference used after the packet boundaries moved (the verifier rejects this)");
                }

                return ref Unsafe.As<byte, T>(ref _frame.Buffer[_offset]);
            }
        }
    }
}
