using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Ebpf.Asm;
using Ebpf.Asm.Serialization;
using Ebpf.Compiler.Generator;
using Ebpf.Loader.Skeletons;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Ebpf.Compiler.Tests.Generator;

public sealed class ImageEmbeddingTests
{
    [Fact]
    public void Generated_image_property_compiles_and_rebuilds_the_image()
    {
        CollectionImage expected = TestImages.Chain();
        Compilation input = GeneratorHarness.Compile("Sample.Programs", GeneratorHarness.ProgramReferences, TestImages.ProgramSource);

        var (_, output, generated) = GeneratorHarness.Run(GeneratorHarness.Driver(new ProgramImageGenerator(TestImages.FrontEnd(expected))), input);

        Assert.Empty(generated);
        GeneratorHarness.AssertNoProblems(output);
        Assembly assembly = GeneratorHarness.EmitAndLoad(output);
        var image = (CollectionImage)assembly.GetType("Sample.Chain.TailChain")!.GetProperty("Image")!.GetValue(null)!;
        Assert.Equal(CollectionImageSerializer.Serialize(expected), CollectionImageSerializer.Serialize(image));
        Assert.Equal(new[] { "Shared", "Next" }, image.Maps.Select(map => map.Name));
        Assert.Equal(new ProgramSlot(0, "Egress2"), Assert.Single(image.Maps[1].ProgramSlots));
        Assert.Equal(new Relocation(1, RelocationKind.MapFd, "Shared"), Assert.Single(image.Programs[0].Relocations));
        Assert.Equal(expected.Programs[1].SourceMap[0].Location, image.Programs[1].SourceMap[0].Location);
    }

    [Fact]
    public void Assembly_attribute_carries_the_image_and_map_types_for_readers_of_metadata()
    {
        CollectionImage expected = TestImages.Chain();
        Compilation input = GeneratorHarness.Compile("Sample.Programs.Attributes", GeneratorHarness.ProgramReferences, TestImages.ProgramSource);

        var (_, output, _) = GeneratorHarness.Run(GeneratorHarness.Driver(new ProgramImageGenerator(TestImages.FrontEnd(expected))), input);
        Assembly assembly = GeneratorHarness.EmitAndLoad(output);

        IReadOnlyDictionary<string, CollectionImage> images = EmbeddedCollections.ReadAll(assembly);
        Assert.Equal("Sample.Chain.TailChain", Assert.Single(images.Keys));
        Assert.Equal(CollectionImageSerializer.Serialize(expected), CollectionImageSerializer.Serialize(images["Sample.Chain.TailChain"]));
        string[] mapTypes = assembly.GetCustomAttributes<EmbeddedMapTypeAttribute>()
            .Select(attribute => $"{attribute.ProgramClass} {attribute.MapName} {attribute.DeclaredType.Name}[{string.Join(",", attribute.DeclaredType.GetGenericArguments().Select(type => type.Name))}]")
            .OrderBy(text => text, System.StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            new[]
            {
                "Sample.Chain.TailChain Next ProgramArrayMap`2[SkBuffContext,CgroupSkbVerdict]",
                "Sample.Chain.TailChain Shared PerCpuArrayMap`1[TailContext]",
            },
            mapTypes);
    }

    [Fact]
    public void Class_that_is_not_partial_gets_only_the_assembly_attribute()
    {
        string source = TestImages.ProgramSource.Replace("public static partial class", "public static class");
        Compilation input = GeneratorHarness.Compile("Sample.Programs.NotPartial", GeneratorHarness.ProgramReferences, source);

        var (_, output, generated) = GeneratorHarness.Run(GeneratorHarness.Driver(new ProgramImageGenerator(TestImages.FrontEnd(TestImages.Chain()))), input);

        Assert.Empty(generated);
        GeneratorHarness.AssertNoProblems(output);
        Assembly assembly = GeneratorHarness.EmitAndLoad(output);
        Assert.Null(assembly.GetType("Sample.Chain.TailChain")!.GetProperty("Image"));
        Assert.Equal(2, EmbeddedCollections.Read(assembly, "Sample.Chain.TailChain").Programs.Count);
    }

    [Fact]
    public void Nested_program_class_is_found_by_metadata_name_and_gets_the_assembly_attribute()
    {
        string source = TestImages.ProgramSource.Replace("public static partial class TailChain", "public static partial class Outer { public static partial class TailChain") + "\n}";
        Compilation input = GeneratorHarness.Compile("Sample.Programs.Nested", GeneratorHarness.ProgramReferences, source);
        string? compiledClass = null;
        var generator = new ProgramImageGenerator((compilation, type, token) =>
        {
            compiledClass = type.ToDisplayString();
            return TestImages.FrontEnd(TestImages.Chain())(compilation, type, token);
        });

        var (_, output, generated) = GeneratorHarness.Run(GeneratorHarness.Driver(generator), input);

        Assert.Empty(generated);
        GeneratorHarness.AssertNoProblems(output);
        Assert.Equal("Sample.Chain.Outer.TailChain", compiledClass);
        Assert.Equal("Sample.Chain.Outer+TailChain", Assert.Single(EmbeddedCollections.ReadAll(GeneratorHarness.EmitAndLoad(output)).Keys));
    }

    [Fact]
    public void Class_with_errors_gets_no_source()
    {
        Compilation input = GeneratorHarness.Compile("Sample.Programs.Errors", GeneratorHarness.ProgramReferences, TestImages.ProgramSource);

        var (driver, _, _) = GeneratorHarness.Run(GeneratorHarness.Driver(new ProgramImageGenerator(TestImages.FrontEnd(image: null))), input);

        Assert.Empty(driver.GetRunResult().GeneratedTrees);
    }
}
