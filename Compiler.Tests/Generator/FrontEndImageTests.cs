using System.Linq;
using System.Reflection;
using Ebpf.Asm;
using Ebpf.Compiler.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Ebpf.Compiler.Tests.Generator;

/// <summary>The generator with the real front end (<c>ProgramCompiler</c>) on the tail-call chain of Programs/TailChain.</summary>
public sealed class FrontEndImageTests
{
    private const string Path = "/src/Chain/EgressChain.cs";

    private const string Source = """
        using Ebpf.Dsl;
        using Ebpf.Dsl.Maps;

        namespace Sample.Chain;

        public struct TailContext { public byte ValueFrom1; public byte ValueFrom2; }

        [License("GPL")]
        public static partial class EgressChain
        {
            static readonly PerCpuArrayMap<TailContext> TailContextMap = new(maxEntries: 1);
            static readonly ProgramArrayMap<SkBuffContext, CgroupSkbVerdict> TailPrograms = new(maxEntries: 2);

            // first stage
            [CgroupSkb(CgroupSkbDirection.Egress)]
            public static CgroupSkbVerdict Egress1(SkBuffContext ctx)
            {
                var shared = TailContextMap.Lookup(0);
                if (shared is null) return CgroupSkbVerdict.Allow;
                shared.Value = default;
                shared.Value.ValueFrom1 = 11;
                return TailPrograms.TailCall(ctx, Egress2) ?? CgroupSkbVerdict.Drop;
            }

            [CgroupSkb(CgroupSkbDirection.Egress)]
            public static CgroupSkbVerdict Egress2(SkBuffContext ctx)
            {
                var shared = TailContextMap.Lookup(0);
                if (shared is null) return CgroupSkbVerdict.Allow;
                shared.Value.ValueFrom2 = 22;
                return TailPrograms.TailCall(ctx, Egress3) ?? CgroupSkbVerdict.Drop;
            }

            [CgroupSkb(CgroupSkbDirection.Egress)]
            public static CgroupSkbVerdict Egress3(SkBuffContext ctx)
            {
                var shared = TailContextMap.Lookup(0);
                if (shared is null) return CgroupSkbVerdict.Allow;
                return shared.Value.ValueFrom1 == 11 && shared.Value.ValueFrom2 == 22 ? CgroupSkbVerdict.Allow : CgroupSkbVerdict.Drop;
            }
        }
        """;

    [Fact]
    public void Tail_chain_compiles_into_an_embedded_image_with_maps_slots_relocations_and_source_map()
    {
        var (_, output, generated) = GeneratorHarness.Run(GeneratorHarness.Driver(new ProgramImageGenerator()), Input("Sample.FrontEnd"));

        Assert.Empty(generated);
        GeneratorHarness.AssertNoProblems(output);
        Assembly assembly = GeneratorHarness.EmitAndLoad(output);
        var image = (CollectionImage)assembly.GetType("Sample.Chain.EgressChain")!.GetProperty("Image")!.GetValue(null)!;

        Assert.Equal(new[] { "Egress1", "Egress2", "Egress3" }, image.Programs.Select(program => program.Name).OrderBy(name => name));
        Assert.All(image.Programs, program =>
        {
            Assert.Equal(ProgramType.CgroupSkb, program.Type);
            Assert.Equal(AttachType.CgroupInetEgress, program.ExpectedAttachType);
            Assert.Equal("GPL", program.License);
            Assert.True(program.Instructions[^1].IsExit || program.Instructions.Any(instruction => instruction.IsExit));
        });
        MapDefinition shared = Assert.Single(image.Maps, map => map.Name == "TailContextMap");
        Assert.Equal((MapType.PerCpuArray, 4, 2, 1), (shared.Type, shared.KeySize, shared.ValueSize, shared.MaxEntries));
        MapDefinition slots = Assert.Single(image.Maps, map => map.Name == "TailPrograms");
        Assert.Equal(MapType.ProgramArray, slots.Type);
        Assert.Equal(new[] { "Egress2", "Egress3" }, slots.ProgramSlots.Select(slot => slot.Program).OrderBy(name => name));
        ProgramImage first = image.Programs.Single(program => program.Name == "Egress1");
        Assert.Contains(first.Relocations, relocation => relocation.Kind == RelocationKind.MapFd && relocation.Symbol == "TailContextMap");
        Assert.Contains(first.Relocations, relocation => relocation.Kind == RelocationKind.ProgramSlot && relocation.Symbol == "Egress2");
        int lookupLine = LineOf("var shared = TailContextMap.Lookup(0);");
        Assert.Contains(first.SourceMap, entry => entry.Location.File == Path && entry.Location.Line == lookupLine);
    }

    [Fact]
    public void Editing_a_comment_with_the_real_front_end_regenerates_nothing()
    {
        Compilation input = Input("Sample.FrontEndComment");
        GeneratorDriver driver = GeneratorHarness.Driver(new ProgramImageGenerator());
        (driver, _, _) = GeneratorHarness.Run(driver, input);
        SyntaxTree tree = input.SyntaxTrees.Single();
        SyntaxTree edited = tree.WithChangedText(SourceText.From(tree.ToString().Replace("// first stage", "// the first stage of three")));

        (driver, _, _) = GeneratorHarness.Run(driver, input.ReplaceSyntaxTree(tree, edited));

        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, GeneratorHarness.Reasons(driver, ProgramImageGenerator.CompiledClassesStep));
        IncrementalStepRunReason[] code = GeneratorHarness.OutputReasonsFrom(driver, ProgramImageGenerator.ModelsStep);
        Assert.NotEmpty(code);
        Assert.All(code, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    [Fact]
    public void Editing_program_code_regenerates_the_image()
    {
        Compilation input = Input("Sample.FrontEndCode");
        GeneratorDriver driver = GeneratorHarness.Driver(new ProgramImageGenerator());
        (driver, _, _) = GeneratorHarness.Run(driver, input);
        SyntaxTree tree = input.SyntaxTrees.Single();
        SyntaxTree edited = tree.WithChangedText(SourceText.From(tree.ToString().Replace("ValueFrom2 = 22;", "ValueFrom2 = 33;")));

        (driver, _, _) = GeneratorHarness.Run(driver, input.ReplaceSyntaxTree(tree, edited));

        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.OutputReasonsFrom(driver, ProgramImageGenerator.ModelsStep));
    }

    private static Compilation Input(string name) =>
        GeneratorHarness.Compile(name, GeneratorHarness.ProgramReferences)
            .AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Source, GeneratorHarness.ParseOptions, Path));

    private static int LineOf(string text) => SourceText.From(Source).Lines.GetLinePosition(Source.IndexOf(text, System.StringComparison.Ordinal)).Line + 1;
}
