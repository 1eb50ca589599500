using System;
using System.Collections.Generic;
using System.Linq;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>
    /// Random well-formed functions for differential tests: forward edges plus back edges bounded by a trip counter (so they end), three
    /// parameters, two mutable locals assigned in several blocks, 32- and 64-bit arithmetic of every kind,
    /// conversions, compares, a stack buffer, BPF-to-BPF calls to <c>callee</c> when named, and helper calls (id 1000 + argument count, see <see cref="Helper"/>).
    /// </summary>
    internal static class RandomPrograms
    {
        private static readonly BinaryOperation[] Operations = (BinaryOperation[])Enum.GetValues(typeof(BinaryOperation));

        public static ulong Helper(int id, IReadOnlyList<ulong> arguments)
        {
            ulong result = 0x5bd1e995UL * (ulong)id;
            for (int i = 0; i < id - 1000; i++)
            {
                result = (result ^ arguments[i]) * 0x100000001b3UL + (ulong)i;
            }

            return result;
        }

        public static IrFunction Build(int seed, bool signedDivision, bool calls, int maxInstructions = 14, string name = "random", string? callee = null)
        {
            var random = new Random(seed);
            var f = new IrFunctionBuilder(name, IrType.I64);
            VirtualRegister p0 = f.Parameter(IrType.I64, "p0");
            VirtualRegister p1 = f.Parameter(IrType.I32, "p1");
            VirtualRegister p2 = f.Parameter(IrType.I64, "p2");
            int blockCount = random.Next(1, 7);
            var blocks = Enumerable.Range(0, blockCount).Select(i => f.Block("b" + i)).ToList();
            f.At(blocks[0]);
            VirtualRegister l0 = f.Register(IrType.I64, "l0");
            VirtualRegister l1 = f.Register(IrType.I32, "l1");
            VirtualRegister trips = f.Register(IrType.I64, "trips");
            f.Assign(l0, p0);
            f.Assign(l1, p1);
            f.Assign(trips, IrFunctionBuilder.I64(random.Next(0, 4)));
            StackSlot buffer = f.StackSlot(16, 8, "buf");
            f.Store(buffer, 0, IrFunctionBuilder.I64(0));
            f.Store(buffer, 8, IrFunctionBuilder.I64(0));
            for (int b = 0; b < blockCount; b++)
            {
                f.At(blocks[b]);
                var values = new List<IrValue> { p0, p1, p2, l0, l1 };
                int count = random.Next(0, maxInstructions + 1);
                for (int i = 0; i < count; i++)
                {
                    IrValue? made = callee is not null && random.Next(10) == 0
                        ? f.CallLocal(callee, IrType.I64, Pick(random, values, 64), Pick(random, values, 32), Pick(random, values, 64))
                        : Instruction(f, random, values, l0, l1, buffer, signedDivision, calls);
                    if (made is not null)
                    {
                        values.Add(made);
                    }
                }

                Terminate(f, random, values, blocks, b, trips);
            }

            return f.Function;
        }

        private static IrValue Pick(Random random, List<IrValue> values, int width, bool allowConstant = true)
        {
            if (allowConstant && random.Next(4) == 0)
            {
                long[] interesting = { 0, 1, -1, 2, 7, 31, 32, 63, 64, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 0xffffffffL, 0x1_0000_0000L };
                return new IrConstant(IrType.Scalar(width), random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : random.Next(-1000, 1000));
            }

            var candidates = values.Where(v => v.Type == IrType.Scalar(width)).ToList();
            return candidates[random.Next(candidates.Count)];
        }

        private static IrValue? Instruction(IrFunctionBuilder f, Random random, List<IrValue> values, VirtualRegister l0, VirtualRegister l1, StackSlot buffer, bool signedDivision, bool calls)
        {
            int width = random.Next(2) == 0 ? 32 : 64;
            switch (random.Next(12))
            {
                case 0: case 1: case 2: case 3:
                    BinaryOperation operation = Operations[random.Next(Operations.Length)];
                    if (!signedDivision && (operation == BinaryOperation.DivideSigned || operation == BinaryOperation.RemainderSigned))
                    {
                        operation = BinaryOperation.Xor;
                    }

                    return f.Binary(operation, Pick(random, values, width, allowConstant: random.Next(6) == 0), Pick(random, values, width));
                case 4:
                    return f.Unary((UnaryOperation)random.Next(3), Pick(random, values, width, false));
                case 5:
                    return Conversion(f, random, values);
                case 6:
                    return f.Compare((Condition)random.Next(11), Pick(random, values, width, false), Pick(random, values, width));
                case 7:
                    if (width == 64)
                    {
                        f.Assign(l0, Pick(random, values, 64));
                    }
                    else
                    {
                        f.Assign(l1, Pick(random, values, 32));
                    }

                    return null;
                case 8:
                    int storeWidth = 8 << random.Next(4);
                    int storeOffset = random.Next(16 / (storeWidth / 8)) * (storeWidth / 8);
                    f.Store(buffer, storeOffset, Pick(random, values, 64), storeWidth);
                    return null;
                case 9:
                    int loadWidth = 8 << random.Next(4);
                    int loadOffset = random.Next(16 / (loadWidth / 8)) * (loadWidth / 8);
                    bool signExtend = loadWidth < width && random.Next(2) == 0;
                    return f.Load(IrType.Scalar(Math.Max(width, loadWidth)), buffer, loadOffset, loadWidth, signExtend);
                case 10 when calls:
                    int arguments = random.Next(0, 6);
                    IrValue[] passed = Enumerable.Range(0, arguments).Select(_ => Pick(random, values, 64)).ToArray();
                    return f.CallHelper(1000 + arguments, IrType.I64, passed);
                default:
                    return f.Binary(BinaryOperation.Add, Pick(random, values, width, false), Pick(random, values, width));
            }
        }

        private static IrValue Conversion(IrFunctionBuilder f, Random random, List<IrValue> values)
        {
            switch (random.Next(5))
            {
                case 0: return f.Convert(ConversionKind.ZeroExtend, Pick(random, values, 32, false), IrType.I64);
                case 1: return f.Convert(ConversionKind.SignExtend, Pick(random, values, 32, false), IrType.I64);
                case 2: return f.Convert(ConversionKind.Truncate, Pick(random, values, 64, false), IrType.I32);
                default:
                    int narrow = random.Next(2) == 0 ? 8 : 16;
                    IrValue truncated = f.Convert(ConversionKind.Truncate, Pick(random, values, 64, false), IrType.Scalar(narrow));
                    ConversionKind kind = random.Next(2) == 0 ? ConversionKind.SignExtend : ConversionKind.ZeroExtend;
                    return f.Convert(kind, truncated, random.Next(2) == 0 ? IrType.I32 : IrType.I64);
            }
        }

        private static void Terminate(IrFunctionBuilder f, Random random, List<IrValue> values, List<BasicBlock> blocks, int index, VirtualRegister trips)
        {
            if (index > 0 && index < blocks.Count - 1 && random.Next(4) == 0)
            {
                // A back edge, taken at most `trips` times in all: every function still ends.
                f.Emit(new BinaryInstruction(BinaryOperation.Subtract, trips, trips, IrFunctionBuilder.I64(1)));
                f.Branch(Condition.SignedGreaterOrEqual, trips, IrFunctionBuilder.I64(0), blocks[random.Next(1, index + 1)], blocks[random.Next(index + 1, blocks.Count)]);
                return;
            }

            if (index == blocks.Count - 1 || random.Next(8) == 0)
            {
                IrValue result = random.Next(3) == 0
                    ? f.Convert(ConversionKind.ZeroExtend, Pick(random, values, 32, false), IrType.I64)
                    : Pick(random, values, 64);
                f.Return(result);
                return;
            }

            BasicBlock first = blocks[random.Next(index + 1, blocks.Count)];
            BasicBlock second = blocks[random.Next(index + 1, blocks.Count)];
            if (random.Next(3) == 0)
            {
                f.Jump(first);
                return;
            }

            int width = random.Next(2) == 0 ? 32 : 64;
            f.Branch((Condition)random.Next(11), Pick(random, values, width, random.Next(5) == 0), Pick(random, values, width), first, second);
        }
    }
}
