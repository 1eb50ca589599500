namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>What a lowered C# expression stands for.</summary>
    internal enum LoweredValueKind
    {
        /// <summary>Nothing (a void call, an error already reported).</summary>
        None,
        /// <summary>An integer (or bool, enum) in an IR value.</summary>
        Scalar,
        /// <summary>Memory of the expression's type at <c>Pointer + Offset</c>: a struct value, a <c>ref</c>, an lvalue.</summary>
        Address,
        /// <summary>An all-zero struct (<c>default</c>, <c>new T()</c>) not yet placed in memory.</summary>
        Zero,
        /// <summary>A null reference or an empty nullable: what a returning tail call gives.</summary>
        Null,
        /// <summary>A <c>MapValue&lt;T&gt;?</c>: the lookup's map value pointer, null when absent.</summary>
        MapValue,
        /// <summary>A <c>PacketRef&lt;T&gt;?</c>: a packet pointer, null when <c>Pointer + sizeof(T)</c> passes data_end.</summary>
        PacketRef,
        /// <summary>A map declared as a static field (its name).</summary>
        Map,
        /// <summary>The program's context object.</summary>
        Context,
        /// <summary><c>ctx.Packet</c> (data .. data_end) or <c>ctx.Metadata</c> (data_meta .. data).</summary>
        Packet,
        /// <summary>A method group (a tail-call target).</summary>
        MethodGroup,
        /// <summary>A string literal (trace_printk format).</summary>
        String,

        /// <summary>A <c>Span&lt;T&gt;</c> over a <c>stackalloc</c> of constant length: pointer, offset, <see cref="LoweredValue.Length"/> elements of <see cref="LoweredValue.Type"/>.</summary>
        StackBuffer,

        /// <summary>
        /// A header property seen in host order over a network-order field at <c>Pointer + Offset</c> (a place: reading
        /// swaps the loaded bytes, storing swaps the value; <see cref="LoweredValue.Method"/> is the property's setter).
        /// </summary>
        NetworkOrder,

        /// <summary>A <c>foreach</c> enumerator over a stack buffer: the buffer's pointer, offset, length, element type and <see cref="LoweredValue.Index"/>.</summary>
        SpanEnumerator,
    }
}
