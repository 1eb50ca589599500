using System.Collections.Immutable;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Compiler.Driver;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Tests.Generator;

/// <summary>Hand-assembled images and a stand-in for the front end, so generator tests do not depend on what the front end can compile.</summary>
internal static class TestImages
{
    public const string ProgramSource = """
        using Ebpf.Dsl;
        using Ebpf.Dsl.Maps;

        namespace Sample.Chain;

        public struct TailContext { public ulong ValueFrom1; public ulong ValueFrom2; }

        public static partial class TailChain
        {
            // shared between the stages
            static readonly PerCpuArrayMap<TailContext> Shared = new(maxEntries: 1);
            static readonly ProgramArrayMap<SkBuffContext, CgroupSkbVerdict> Next = new(maxEntries: 1);

            [CgroupSkb(CgroupSkbDirection.Egress)]
            public static CgroupSkbVerdict Egress1(SkBuffContext ctx) => CgroupSkbVerdict.Allow;

            [CgroupSkb(CgroupSkbDirection.Egress)]
            public static CgroupSkbVerdict Egress2(SkBuffContext ctx) => CgroupSkbVerdict.Allow;
        }
        """;

    /// <summary>An image shaped like the front end's for <see cref="ProgramSource"/>: maps, a relocation, a tail-call slot, a source map.</summary>
    public static CollectionImage Chain()
    {
        ProgramImage first = Assembler.Assemble(
            """
            r6 = r1
            r1 = map[Shared] ll
            r0 = 1
            exit
            """,
            "Egress1",
            ProgramType.CgroupSkb,
            "/src/Sample/TailChain.cs") with { ExpectedAttachType = AttachType.CgroupInetEgress };
        ProgramImage second = Assembler.Assemble("r0 = 1\nexit", "Egress2", ProgramType.CgroupSkb, "/src/Sample/TailChain.cs \"quoted\"")
            with { ExpectedAttachType = AttachType.CgroupInetEgress, License = "Dual BSD/GPL" };
        return new CollectionImage(
            new[]
            {
                new MapDefinition("Shared", MapType.PerCpuArray, 4, 16, 1),
                new MapDefinition("Next", MapType.ProgramArray, 4, 4, 1) { ProgramSlots = new[] { new ProgramSlot(0, "Egress2") }, Pinning = MapPinning.ByName },
            },
            new[] { first, second });
    }

    /// <summary>A front end that returns <paramref name="image"/> and the diagnostics <paramref name="diagnose"/> makes.</summary>
    public static System.Func<Compilation, INamedTypeSymbol, CancellationToken, ProgramCompilation> FrontEnd(
        CollectionImage? image,
        System.Func<INamedTypeSymbol, ImmutableArray<Diagnostic>>? diagnose = null) =>
        (compilation, type, _) => ProgramCompilations.Create(image, diagnose?.Invoke(type) ?? ImmutableArray<Diagnostic>.Empty);
}
