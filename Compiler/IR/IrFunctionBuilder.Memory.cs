namespace Ebpf.Compiler.IR
{
    /// <summary>Memory, maps, calls and terminators.</summary>
    public sealed partial class IrFunctionBuilder
    {
        /// <summary>Loads <paramref name="type"/>'s width (or <paramref name="width"/>) at address + offset.</summary>
        public VirtualRegister Load(IrType type, IrValue address, int offset, int? width = null, bool signExtend = false, string? name = null)
        {
            VirtualRegister destination = Function.NewRegister(type, name);
            Emit(new LoadInstruction(destination, address, offset, width ?? type.Width, signExtend));
            return destination;
        }

        /// <summary>
        /// An atomic read-modify-write of the value's width at address + offset; with <paramref name="fetch"/> (always
        /// for exchanges) returns the old value.
        /// </summary>
        public VirtualRegister? Atomic(AtomicOperation operation, IrValue address, int offset, IrValue value, bool fetch, IrValue? comparand = null, string? name = null)
        {
            bool fetches = fetch || operation == AtomicOperation.Exchange || operation == AtomicOperation.CompareExchange;
            VirtualRegister? destination = fetches ? Register(value.Type, name) : null;
            Emit(new AtomicInstruction(operation, destination, address, offset, value, value.Type.Width, comparand));
            return destination;
        }

        /// <summary>Stores the value's width (or <paramref name="width"/> low bits) at address + offset.</summary>
        public void Store(IrValue address, int offset, IrValue value, int? width = null) =>
            Emit(new StoreInstruction(address, offset, value, width ?? value.Type.Width));

        /// <summary>The map named <paramref name="symbol"/> (LD_IMM64, BPF_PSEUDO_MAP_FD).</summary>
        public VirtualRegister Map(string symbol, string? name = null)
        {
            VirtualRegister destination = Function.NewRegister(IrType.PointerTo(PointerKind.Map), name);
            Emit(new LoadMapInstruction(destination, symbol));
            return destination;
        }

        /// <summary>A pointer into the named array map's value (LD_IMM64, BPF_PSEUDO_MAP_VALUE).</summary>
        public VirtualRegister MapValue(string symbol, int offset = 0, string? name = null)
        {
            VirtualRegister destination = Function.NewRegister(IrType.PointerTo(PointerKind.MapValue), name);
            Emit(new LoadMapInstruction(destination, symbol, offset));
            return destination;
        }

        /// <summary>Calls a helper; <paramref name="resultType"/> null discards r0.</summary>
        public VirtualRegister? CallHelper(int helperId, IrType? resultType, params IrValue[] arguments)
        {
            VirtualRegister? destination = resultType is IrType type ? Function.NewRegister(type) : null;
            Emit(new HelperCallInstruction(destination, helperId, arguments));
            return destination;
        }

        /// <summary>Calls another function of the module; <paramref name="resultType"/> null discards r0.</summary>
        public VirtualRegister? CallLocal(string callee, IrType? resultType, params IrValue[] arguments)
        {
            VirtualRegister? destination = resultType is IrType type ? Function.NewRegister(type) : null;
            Emit(new LocalCallInstruction(destination, callee, arguments));
            return destination;
        }

        /// <summary>Tail-calls through a computed slot index.</summary>
        public void TailCall(IrValue context, string programArray, IrValue index) =>
            Emit(new TailCallInstruction(context, programArray, index));

        /// <summary>Tail-calls a named program; the loader fills in its slot.</summary>
        public void TailCall(IrValue context, string programArray, string targetProgram) =>
            Emit(new TailCallInstruction(context, programArray, targetProgram));

        /// <summary>Ends the block with a jump.</summary>
        public void Jump(BasicBlock target) => Emit(new JumpInstruction(target));

        /// <summary>Ends the block with a compare and branch.</summary>
        public void Branch(Condition condition, IrValue left, IrValue right, BasicBlock ifTrue, BasicBlock ifFalse) =>
            Emit(new BranchInstruction(condition, left, right, ifTrue, ifFalse));

        /// <summary>Ends the block with a return.</summary>
        public void Return(IrValue? value = null) => Emit(new ReturnInstruction(value));
    }
}
