using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>Loads, stores and map references.</summary>
    internal sealed partial class InstructionSelector
    {
        private (Register Base, short Offset) Address(IrInstruction instruction, IrValue address, int offset)
        {
            Register register = address is StackSlot ? Register.R10 : R(address);
            int total = offset + (address is StackSlot slot ? frame[slot] : 0);
            if (total < short.MinValue || total > short.MaxValue)
            {
                throw Unsupported(instruction, $"offset {total} does not fit in 16 bits");
            }

            return (register, (short)total);
        }

        private void SelectLoad(LoadInstruction load)
        {
            (Register address, short offset) = Address(load, load.Address, load.Offset);
            Register destination = R(load.Destination!);
            int to = load.Destination!.Type.Width;
            if (IsWholeSpillSlot(load.Address, load.Offset, load.Width) && !load.SignExtend)
            {
                StackSlot slot = (StackSlot)load.Address;
                Register? holder = spilled.Holder(slot, destination);
                if (holder is Register source)
                {
                    Move(destination, source);
                }
                else
                {
                    Emit(InstructionFactory.Load(load.Width, false, destination, address, offset));
                }

                spilled.Holds(destination, slot);
            }
            else if (!load.SignExtend)
            {
                Emit(InstructionFactory.Load(load.Width, false, destination, address, offset));
            }
            else if (options.Cpu >= CpuVersion.V4)
            {
                Emit(InstructionFactory.Load(load.Width, true, destination, address, offset));
                if (to == 32)
                {
                    Emit(InstructionFactory.Alu(false, AluOperation.Mov, destination, destination));
                }
            }
            else
            {
                Emit(InstructionFactory.Load(load.Width, false, destination, address, offset));
                EmitSignExtension(destination, destination, load.Width, to);
            }
        }

        private void SelectStore(StoreInstruction store)
        {
            (Register address, short offset) = Address(store, store.Address, store.Offset);
            if (store.Value is IrConstant constant)
            {
                Emit(InstructionFactory.StoreImmediate(store.Width, address, offset, unchecked((long)constant.Bits)));
                if (store.Address is StackSlot { IsSpill: true } overwritten)
                {
                    spilled.Stored(overwritten, null);
                }
            }
            else
            {
                Emit(InstructionFactory.Store(store.Width, address, offset, R(store.Value)));
                if (store.Address is StackSlot { IsSpill: true } overwritten)
                {
                    spilled.Stored(overwritten, IsWholeSpillSlot(store.Address, store.Offset, store.Width) ? R(store.Value) : null);
                }
            }
        }

        private static bool IsWholeSpillSlot(IrValue address, int offset, int width) =>
            address is StackSlot { IsSpill: true } && offset == 0 && width == 64;

        private void SelectLoadMap(LoadMapInstruction map)
        {
            Register destination = R(map.Destination!);
            if (map.IsValueReference)
            {
                EmittedInstruction emitted = Emit(InstructionFactory.LoadImmediate64(destination, (long)map.ValueOffset << 32, PseudoSource.MapValue));
                emitted.RelocationKind = RelocationKind.MapValue;
                emitted.RelocationSymbol = map.Symbol;
                emitted.RelocationAddend = map.ValueOffset;
            }
            else
            {
                EmittedInstruction emitted = Emit(InstructionFactory.LoadImmediate64(destination, 0, PseudoSource.MapFd));
                emitted.RelocationKind = RelocationKind.MapFd;
                emitted.RelocationSymbol = map.Symbol;
            }
        }
    }
}
