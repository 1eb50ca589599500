using System.Linq;
using Ebpf.Compiler.Generator;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Ebpf.Compiler.Tests.Generator;

public sealed class SkeletonGeneratorTests
{
    private const string UserCode = """
        using Ebpf.Loader.Maps;
        using Sample.Chain;

        public static class Reader
        {
            public static ulong Sum(TailChainSkeleton skeleton)
            {
                PerCpuArrayView<TailContext> shared = skeleton.Shared;
                ulong sum = 0;
                foreach (TailContext context in shared.Get(0)) { sum += context.ValueFrom1 + context.ValueFrom2; }
                skeleton.Next.Set(0, skeleton.Egress2);
                return sum;
            }
        }
        """;

    [Fact]
    public void Referenced_program_assembly_gets_a_typed_skeleton_that_compiles()
    {
        MetadataReference programs = ProgramAssembly("Sample.Programs.ForSkeleton");
        Compilation user = GeneratorHarness.Compile("Sample.User", GeneratorHarness.LoaderReferences.Add(programs), UserCode);

        var (driver, output, generated) = GeneratorHarness.Run(GeneratorHarness.Driver(new SkeletonGenerator()), user);

        Assert.Empty(generated);
        GeneratorHarness.AssertNoProblems(output);
        INamedTypeSymbol skeleton = output.GetTypeByMetadataName("Sample.Chain.TailChainSkeleton")!;
        Assert.Equal("Ebpf.Loader.Skeletons.CollectionSkeleton", skeleton.BaseType!.ToDisplayString());
        Assert.Equal("Ebpf.Loader.Maps.PerCpuArrayView<Sample.Chain.TailContext>", Type(skeleton, "Shared"));
        Assert.Equal("Ebpf.Loader.Maps.ProgramArrayView", Type(skeleton, "Next"));
        Assert.Equal("Ebpf.Loader.Programs.BpfProgram", Type(skeleton, "Egress1"));
        Assert.Equal("Ebpf.Loader.Programs.BpfProgram", Type(skeleton, "Egress2"));
        Assert.Single(skeleton.GetMembers("Load").OfType<IMethodSymbol>(), method => method.IsStatic && method.ReturnType.Equals(skeleton, SymbolEqualityComparer.Default));
        Assert.Equal("Sample.Chain.TailChain.Skeleton.g.cs", System.IO.Path.GetFileName(Assert.Single(driver.GetRunResult().GeneratedTrees).FilePath));
    }

    [Fact]
    public void Compilation_without_the_loader_gets_no_skeleton()
    {
        MetadataReference programs = ProgramAssembly("Sample.Programs.NoLoader");
        Compilation user = GeneratorHarness.Compile("Sample.NoLoader", GeneratorHarness.ProgramReferences.Add(programs), "public static class Nothing { }");

        var (driver, _, _) = GeneratorHarness.Run(GeneratorHarness.Driver(new SkeletonGenerator()), user);

        Assert.Empty(driver.GetRunResult().GeneratedTrees);
    }

    [Fact]
    public void Skeleton_already_in_a_referenced_assembly_is_not_generated_again()
    {
        MetadataReference programs = ProgramAssembly("Sample.Programs.Twice");
        Compilation first = GeneratorHarness.Compile("Sample.FirstUser", GeneratorHarness.LoaderReferences.Add(programs), "public static class First { }");
        var (_, withSkeleton, _) = GeneratorHarness.Run(GeneratorHarness.Driver(new SkeletonGenerator()), first);
        MetadataReference firstUser = MetadataReference.CreateFromImage(GeneratorHarness.Emit(withSkeleton));
        Compilation second = GeneratorHarness.Compile("Sample.SecondUser", GeneratorHarness.LoaderReferences.Add(programs).Add(firstUser), UserCode);

        var (driver, output, _) = GeneratorHarness.Run(GeneratorHarness.Driver(new SkeletonGenerator()), second);

        Assert.Empty(driver.GetRunResult().GeneratedTrees);
        GeneratorHarness.AssertNoProblems(output);
    }

    [Fact]
    public void Editing_user_code_leaves_the_skeleton_cached()
    {
        MetadataReference programs = ProgramAssembly("Sample.Programs.Cached");
        Compilation user = GeneratorHarness.Compile("Sample.UserCached", GeneratorHarness.LoaderReferences.Add(programs), UserCode);
        GeneratorDriver driver = GeneratorHarness.Driver(new SkeletonGenerator());
        (driver, _, _) = GeneratorHarness.Run(driver, user);

        SyntaxTree tree = user.SyntaxTrees.Single();
        Compilation edited = user.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(tree + "\n// more\n")));
        (driver, _, _) = GeneratorHarness.Run(driver, edited);

        IncrementalStepRunReason[] reasons = GeneratorHarness.OutputReasonsFrom(driver, SkeletonGenerator.SkeletonsStep);
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    private static string Type(INamedTypeSymbol type, string member) =>
        type.GetMembers(member).Single() switch
        {
            IPropertySymbol property => property.Type.ToDisplayString(),
            ISymbol other => other.Kind.ToString(),
        };

    /// <summary>Compiles the sample program class with the image generator (stand-in front end) into a metadata reference.</summary>
    private static MetadataReference ProgramAssembly(string name)
    {
        Compilation input = GeneratorHarness.Compile(name, GeneratorHarness.ProgramReferences, TestImages.ProgramSource);
        var (_, output, _) = GeneratorHarness.Run(GeneratorHarness.Driver(new ProgramImageGenerator(TestImages.FrontEnd(TestImages.Chain()))), input);
        return MetadataReference.CreateFromImage(GeneratorHarness.Emit(output));
    }
}
