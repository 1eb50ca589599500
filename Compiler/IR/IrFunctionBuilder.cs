using System;
using Ebpf.Asm;

namespace Ebpf.Compiler.IR
{
    /// <summary>
    /// Builds a function fluently: create blocks, position at one, append instructions that return their result.
    /// <code>
    /// var f = new IrFunctionBuilder("prog", IrType.I32);
    /// var ctx = f.Parameter(IrType.PointerTo(PointerKind.Context), "ctx");
    /// f.At(f.Block("entry"));
    /// var x = f.Load(IrType.I32, ctx, 4);
    /// f.Return(f.Add(x, IrFunctionBuilder.I32(1)));
    /// </code>
    /// </summary>
    public sealed partial class IrFunctionBuilder
    {
        private BasicBlock? current;

        /// <summary>Starts a new function.</summary>
        public IrFunctionBuilder(string name, IrType? returnType)
            : this(new IrFunction(name, returnType))
        {
        }

        /// <summary>Appends to an existing function.</summary>
        public IrFunctionBuilder(IrFunction function)
        {
            Function = function;
        }

        /// <summary>The function being built.</summary>
        public IrFunction Function { get; }

        /// <summary>The block instructions are appended to.</summary>
        public BasicBlock Current => current ?? throw new InvalidOperationException("position the builder at a block first (At)");

        /// <summary>The source location given to the instructions appended from now on.</summary>
        public SourceLocation? Location { get; set; }

        /// <summary>A 32-bit constant.</summary>
        public static IrConstant I32(long value) => new IrConstant(IrType.I32, value);

        /// <summary>A 64-bit constant.</summary>
        public static IrConstant I64(long value) => new IrConstant(IrType.I64, value);

        /// <summary>A constant of the given scalar type.</summary>
        public static IrConstant Constant(IrType type, long value) => new IrConstant(type, value);

        /// <summary>Adds a parameter (r1, r2, … in order).</summary>
        public VirtualRegister Parameter(IrType type, string? name = null) => Function.AddParameter(type, name);

        /// <summary>Creates a block (the first one created is the entry); does not move the builder.</summary>
        public BasicBlock Block(string? name = null) => Function.NewBlock(name);

        /// <summary>Creates a stack slot.</summary>
        public StackSlot StackSlot(int size, int alignment = 8, string? name = null) => Function.NewStackSlot(size, alignment, name);

        /// <summary>Creates a register to assign later with <see cref="Assign"/> (a mutable local).</summary>
        public VirtualRegister Register(IrType type, string? name = null) => Function.NewRegister(type, name);

        /// <summary>Appends to <paramref name="block"/> from now on.</summary>
        public IrFunctionBuilder At(BasicBlock block)
        {
            current = block;
            return this;
        }

        /// <summary>Appends any instruction, stamped with <see cref="Location"/>.</summary>
        public T Emit<T>(T instruction)
            where T : IrInstruction
        {
            instruction.Location ??= Location;
            Current.Instructions.Add(instruction);
            return instruction;
        }

        /// <summary><c>%d = mov v</c> into a new register.</summary>
        public VirtualRegister Move(IrValue source, string? name = null)
        {
            VirtualRegister destination = Function.NewRegister(source.Type, name);
            Emit(new MoveInstruction(destination, source));
            return destination;
        }

        /// <summary><c>%d = mov v</c> into an existing register (assignment to a local).</summary>
        public void Assign(VirtualRegister destination, IrValue source) => Emit(new MoveInstruction(destination, source));

        /// <summary>A binary operation; pointer − pointer yields an i64, otherwise the left operand's type.</summary>
        public VirtualRegister Binary(BinaryOperation operation, IrValue left, IrValue right, string? name = null)
        {
            IrType type = left.Type.IsPointer && right.Type.IsPointer ? IrType.I64 : left.Type;
            VirtualRegister destination = Function.NewRegister(type, name);
            Emit(new BinaryInstruction(operation, destination, left, right));
            return destination;
        }

        /// <summary>a + b.</summary>
        public VirtualRegister Add(IrValue left, IrValue right, string? name = null) => Binary(BinaryOperation.Add, left, right, name);

        /// <summary>a − b.</summary>
        public VirtualRegister Subtract(IrValue left, IrValue right, string? name = null) => Binary(BinaryOperation.Subtract, left, right, name);

        /// <summary>a × b.</summary>
        public VirtualRegister Multiply(IrValue left, IrValue right, string? name = null) => Binary(BinaryOperation.Multiply, left, right, name);

        /// <summary>a &amp; b.</summary>
        public VirtualRegister And(IrValue left, IrValue right, string? name = null) => Binary(BinaryOperation.And, left, right, name);

        /// <summary>a | b.</summary>
        public VirtualRegister Or(IrValue left, IrValue right, string? name = null) => Binary(BinaryOperation.Or, left, right, name);

        /// <summary>a ^ b.</summary>
        public VirtualRegister Xor(IrValue left, IrValue right, string? name = null) => Binary(BinaryOperation.Xor, left, right, name);

        /// <summary>a &lt;&lt; b.</summary>
        public VirtualRegister ShiftLeft(IrValue left, IrValue right, string? name = null) => Binary(BinaryOperation.ShiftLeft, left, right, name);

        /// <summary>a &gt;&gt; b, logical or arithmetic.</summary>
        public VirtualRegister ShiftRight(IrValue left, IrValue right, bool signed, string? name = null) =>
            Binary(signed ? BinaryOperation.ShiftRightSigned : BinaryOperation.ShiftRightUnsigned, left, right, name);

        /// <summary>a / b, unsigned or signed, with the kernel's x / 0 = 0.</summary>
        public VirtualRegister Divide(IrValue left, IrValue right, bool signed, string? name = null) =>
            Binary(signed ? BinaryOperation.DivideSigned : BinaryOperation.DivideUnsigned, left, right, name);

        /// <summary>a % b, unsigned or signed, with the kernel's x % 0 = x.</summary>
        public VirtualRegister Remainder(IrValue left, IrValue right, bool signed, string? name = null) =>
            Binary(signed ? BinaryOperation.RemainderSigned : BinaryOperation.RemainderUnsigned, left, right, name);

        /// <summary>A unary operation of the operand's type.</summary>
        public VirtualRegister Unary(UnaryOperation operation, IrValue operand, string? name = null)
        {
            VirtualRegister destination = Function.NewRegister(operand.Type, name);
            Emit(new UnaryInstruction(operation, destination, operand));
            return destination;
        }

        /// <summary>A conversion to <paramref name="type"/>.</summary>
        public VirtualRegister Convert(ConversionKind kind, IrValue operand, IrType type, string? name = null)
        {
            VirtualRegister destination = Function.NewRegister(type, name);
            Emit(new ConvertInstruction(kind, destination, operand));
            return destination;
        }

        /// <summary>1 when the condition holds, else 0, as an i32.</summary>
        public VirtualRegister Compare(Condition condition, IrValue left, IrValue right, string? name = null)
        {
            VirtualRegister destination = Function.NewRegister(IrType.I32, name);
            Emit(new CompareInstruction(condition, destination, left, right));
            return destination;
        }
    }
}
