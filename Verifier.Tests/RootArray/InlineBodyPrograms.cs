using System.Globalization;
using Ebpf.Asm;
using Ebpf.Verifier.Tests.Compiler;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>Slot bodies that probe <see cref="Ebpf.Loader.RootArray.InlineBodyLinker"/>: deep stacks, unbounded stack use, subprograms.</summary>
    public static class InlineBodyPrograms
    {
        /// <summary>The array map <see cref="WithSubprogram"/> counts calls of its subprogram in (entry 0).</summary>
        public const string SubprogramSeenMapName = "sub_seen";

        /// <summary>
        /// <c>[XdpSlot(0)] Deep{first}x{second}</c>: two stackalloc buffers (the DSL allows 256 bytes each) written at
        /// their far ends with constant indices; drops frames of exactly <paramref name="dropLength"/> bytes, passes the rest.
        /// </summary>
        public static CollectionImage DeepStack(int first, int second, int dropLength)
        {
            string a = first.ToString(CultureInfo.InvariantCulture);
            string b = second.ToString(CultureInfo.InvariantCulture);
            string lastA = (first - 1).ToString(CultureInfo.InvariantCulture);
            string lastB = (second - 1).ToString(CultureInfo.InvariantCulture);
            string sum = ((dropLength & 0xff) + 3).ToString(CultureInfo.InvariantCulture);
            return CompiledPrograms.CompileText("DeepStack", ("/src/InlineBodyTests/DeepStack.cs", $$"""
                using Ebpf.Dsl;

                namespace InlineBodyTests
                {
                    public static class DeepStack
                    {
                        [XdpSlot(0)]
                        public static XdpAction Deep{{a}}x{{b}}(XdpContext ctx)
                        {
                            System.Span<byte> low = stackalloc byte[{{a}}];
                            System.Span<byte> high = stackalloc byte[{{b}}];
                            low[0] = (byte)ctx.Packet.Length;
                            low[{{lastA}}] = 1;
                            high[0] = 2;
                            high[{{lastB}}] = (byte)(low[{{lastA}}] + high[0]);
                            return low[0] + high[{{lastB}}] == {{sum}} ? XdpAction.Drop : XdpAction.Pass;
                        }
                    }
                }
                """));
        }

        /// <summary>
        /// <c>[XdpSlot(0)] VariableIndex</c>: writes 7 at index length % 16 of a 16-byte stackalloc (a stack pointer plus
        /// a register: the linker cannot bound it) and drops when index 4 got it, i.e. frames of 16k + 4 bytes.
        /// </summary>
        public static CollectionImage VariableIndex() =>
            CompiledPrograms.CompileText("VariableIndexStack", ("/src/InlineBodyTests/VariableIndexStack.cs", """
                using Ebpf.Dsl;

                namespace InlineBodyTests
                {
                    public static class VariableIndexStack
                    {
                        [XdpSlot(0)]
                        public static XdpAction VariableIndex(XdpContext ctx)
                        {
                            System.Span<byte> buffer = stackalloc byte[16];
                            buffer[ctx.Packet.Length % 16] = 7;
                            return buffer[4] == 7 ? XdpAction.Drop : XdpAction.Pass;
                        }
                    }
                }
                """));

        /// <summary>The array map <see cref="WithFunctions"/>'s <c>Weigh</c> counts its calls in (entry 0).</summary>
        public const string FunctionSeenMapName = "fn_seen";

        /// <summary>
        /// <c>[XdpSlot(0)] Weighed</c>: the compiler makes <c>Weigh(in Pair)</c> (NoInlining; reads the caller's stack
        /// through its pointer, counts itself in <see cref="FunctionSeenMapName"/>) a BPF-to-BPF function. Aborts frames
        /// under 50 bytes, drops those of 64 bytes (64 * 3 + 1 == 193), passes the rest.
        /// </summary>
        public static CollectionImage WithFunctions() =>
            CompiledPrograms.CompileText("Weighing", ("/src/InlineBodyTests/Weighing.cs", $$"""
                using System.Runtime.CompilerServices;
                using Ebpf.Dsl;
                using Ebpf.Dsl.Maps;

                namespace InlineBodyTests
                {
                    public struct Pair { public uint A; public uint B; }

                    public static class Weighing
                    {
                        static readonly ArrayMap<ulong> {{FunctionSeenMapName}} = new(maxEntries: 1);

                        [MethodImpl(MethodImplOptions.NoInlining)]
                        static uint Weigh(in Pair p)
                        {
                            var seen = {{FunctionSeenMapName}}.Lookup(0);
                            if (seen is not null)
                            {
                                seen.Value = seen.Value + 1;
                            }

                            return p.A * 3u + p.B;
                        }

                        [XdpSlot(0)]
                        public static XdpAction Weighed(XdpContext ctx)
                        {
                            Pair pair = default;
                            pair.A = (uint)ctx.Packet.Length;
                            pair.B = 1;
                            if (pair.A < 50)
                            {
                                return XdpAction.Aborted;
                            }

                            return Weigh(in pair) == 193 ? XdpAction.Drop : XdpAction.Pass;
                        }
                    }
                }
                """));

        /// <summary>
        /// A hand-assembled slot body with a BPF-to-BPF subprogram: the main function stores the frame length at r10-16,
        /// returns XDP_ABORTED at once for a frame shorter than 50 bytes, else calls <c>classify(&amp;length)</c> and
        /// returns its verdict. <c>classify</c> counts itself in <see cref="SubprogramSeenMapName"/> (a map relocation in
        /// the subprogram) and returns XDP_DROP below 100 bytes, XDP_PASS from 100 (two exits of its own).
        /// </summary>
        public static CollectionImage WithSubprogram()
        {
            const string Source = """
                    r2 = *(u32 *)(r1 + 0)
                    r3 = *(u32 *)(r1 + 4)
                    r3 -= r2
                    *(u64 *)(r10 - 16) = r3
                    r0 = 0
                    if r3 < 50 goto early
                    r1 = r10
                    r1 += -16
                    call pc+2
                    exit
                early:
                    exit
                classify:
                    r6 = *(u64 *)(r1 + 0)
                    *(u32 *)(r10 - 4) = 0
                    r2 = r10
                    r2 += -4
                    r1 = map[sub_seen] ll
                    call bpf_map_lookup_elem
                    if r0 == 0 goto counted
                    r1 = 1
                    lock *(u64 *)(r0 + 0) += r1
                counted:
                    r0 = 1
                    if r6 < 100 goto small
                    r0 = 2
                    exit
                small:
                    exit
                """;
            ProgramImage body = Assembler.Assemble(Source, "WithSub", ProgramType.Xdp, "with_sub.s") with { DefaultSlot = 0 };
            return new CollectionImage(new[] { new MapDefinition(SubprogramSeenMapName, MapType.Array, 4, 8, 1) }, new[] { body });
        }
    }
}
