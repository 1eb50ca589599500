using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>Hand-built functions for backend tests.</summary>
    internal static class BackendPrograms
    {
        /// <summary>a + b * 3 on 32 bits, compared with 100 (JMP32), 0xffffffff and a 64-bit constant.</summary>
        public static IrFunction Arithmetic32()
        {
            var f = new IrFunctionBuilder("arith", IrType.I32);
            VirtualRegister a = f.Parameter(IrType.I32, "a");
            VirtualRegister b = f.Parameter(IrType.I32, "b");
            BasicBlock entry = f.Block("entry");
            BasicBlock big = f.Block("big");
            BasicBlock small = f.Block("small");
            f.At(entry);
            VirtualRegister sum = f.Add(a, f.Multiply(b, IrFunctionBuilder.I32(3)), "sum");
            f.Branch(Condition.UnsignedGreater, sum, IrFunctionBuilder.I32(100), big, small);
            f.At(big);
            f.Return(IrFunctionBuilder.I32(0xffffffffL));
            f.At(small);
            f.Return(sum);
            return f.Function;
        }

        /// <summary>x = lookup(map, key); if x == null return 0; return *x + a, where a lives across the call.</summary>
        public static IrFunction MapLookup()
        {
            var f = new IrFunctionBuilder("lookup", IrType.I64);
            VirtualRegister ctx = f.Parameter(Samples.Context, "ctx");
            StackSlot key = f.StackSlot(4, 4, "key");
            BasicBlock entry = f.Block("entry");
            BasicBlock found = f.Block("found");
            BasicBlock missing = f.Block("missing");
            f.At(entry);
            VirtualRegister a = f.Load(IrType.I64, ctx, 16, 32, name: "a");
            f.Store(key, 0, IrFunctionBuilder.I32(7));
            VirtualRegister map = f.Map("counters", "map");
            VirtualRegister value = f.CallHelper(1, IrType.PointerTo(PointerKind.MapValueOrNull), map, key)!;
            f.Branch(Condition.Equal, value, IrFunctionBuilder.I64(0), missing, found);
            f.At(found);
            VirtualRegister pointer = f.Convert(ConversionKind.AssumeNonNull, value, IrType.PointerTo(PointerKind.MapValue), "v");
            VirtualRegister count = f.Load(IrType.I64, pointer, 0, name: "count");
            f.Return(f.Add(count, a));
            f.At(missing);
            f.Return(IrFunctionBuilder.I64(0));
            return f.Function;
        }

        /// <summary>Sum of i for i in [0, n): a loop with a back edge and locals assigned in two blocks.</summary>
        public static IrFunction Loop()
        {
            var f = new IrFunctionBuilder("loop", IrType.I64);
            VirtualRegister n = f.Parameter(IrType.I64, "n");
            VirtualRegister i = f.Register(IrType.I64, "i");
            VirtualRegister sum = f.Register(IrType.I64, "sum");
            BasicBlock entry = f.Block("entry");
            BasicBlock head = f.Block("head");
            BasicBlock body = f.Block("body");
            BasicBlock exit = f.Block("exit");
            f.At(entry);
            f.Assign(i, IrFunctionBuilder.I64(0));
            f.Assign(sum, IrFunctionBuilder.I64(0));
            f.Jump(head);
            f.At(head);
            f.Branch(Condition.UnsignedLess, i, n, body, exit);
            f.At(body);
            f.Assign(sum, f.Add(sum, i));
            f.Assign(i, f.Add(i, IrFunctionBuilder.I64(1)));
            f.Jump(head);
            f.At(exit);
            f.Return(sum);
            return f.Function;
        }

        /// <summary>Twelve values loaded from the context, all live until they are summed.</summary>
        public static IrFunction Pressure(int count = 12)
        {
            var f = new IrFunctionBuilder("pressure", IrType.I64);
            VirtualRegister ctx = f.Parameter(Samples.Context, "ctx");
            f.At(f.Block("entry"));
            var values = new VirtualRegister[count];
            for (int k = 0; k < count; k++)
            {
                values[k] = f.Load(IrType.I64, ctx, 8 * k, name: "v" + k);
            }

            IrValue total = values[count - 1];
            for (int k = count - 2; k >= 0; k--)
            {
                total = f.Multiply(f.Add(total, values[k]), IrFunctionBuilder.I64(3));
            }

            f.Return(total);
            return f.Function;
        }

        public static IrModule Module(params IrFunction[] functions)
        {
            var module = new IrModule(functions[0].Name, ProgramType.Xdp);
            module.Functions.AddRange(functions);
            return module;
        }
    }
}
