using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Asm.Serialization;
using Ebpf.Compiler.Driver;
using Ebpf.Compiler.Generator;
using Ebpf.Loader.Skeletons;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Ebpf.Compiler.Tests.Generator;

/// <summary><c>[XdpSlot(k)]</c> and <c>[XdpRoot]</c> programs through the real front end and the generator: images that record their role.</summary>
public sealed class SlotProgramImageTests
{
    private const string Source = """
        using Ebpf.Dsl;
        using Ebpf.Dsl.Maps;

        namespace Sample.Slots;

        public static partial class Slots
        {
            static readonly ArrayMap<ulong> SlotSeen = new(maxEntries: 1);

            [XdpSlot(3)]
            public static XdpAction DropShort(XdpContext ctx)
            {
                var seen = SlotSeen.Lookup(0);
                if (seen is not null) seen.Value++;
                return ctx.Packet.Length < 60 ? XdpAction.Drop : XdpAction.Pass;
            }

            [Xdp]
            public static XdpAction Plain(XdpContext ctx) => XdpAction.Pass;

            [XdpRoot]
            public static RootVerdict Root(XdpContext ctx) => ctx.Packet.Length < 14 ? RootVerdict.Aborted : RootVerdict.TrySlots;
        }
        """;

    [Fact]
    public void A_slot_program_is_an_xdp_image_that_records_its_default_slot_in_the_property_and_the_attribute()
    {
        var (_, output, generated) = GeneratorHarness.Run(GeneratorHarness.Driver(new ProgramImageGenerator()), Input("Sample.SlotImages"));

        Assert.Empty(generated);
        GeneratorHarness.AssertNoProblems(output);
        Assembly assembly = GeneratorHarness.EmitAndLoad(output);
        var property = (CollectionImage)assembly.GetType("Sample.Slots.Slots")!.GetProperty("Image")!.GetValue(null)!;
        CollectionImage embedded = EmbeddedCollections.ReadAll(assembly)["Sample.Slots.Slots"];

        foreach (CollectionImage image in new[] { property, embedded })
        {
            ProgramImage slot = image.Programs.Single(p => p.Name == "DropShort");
            Assert.Equal((ProgramType.Xdp, AttachType.Xdp, (int?)3), (slot.Type, slot.ExpectedAttachType, slot.DefaultSlot));
            Assert.Contains(slot.Relocations, r => r.Kind == RelocationKind.MapFd && r.Symbol == "SlotSeen");
            Assert.Null(image.Programs.Single(p => p.Name == "Plain").DefaultSlot);
            ProgramImage root = image.Programs.Single(p => p.Name == "Root");
            Assert.Equal((ProgramType.Xdp, AttachType.Xdp, (int?)null), (root.Type, root.ExpectedAttachType, root.DefaultSlot));
        }

        Assert.Contains("DefaultSlot = 3,", output.SyntaxTrees.Last().ToString());
    }

    [Fact]
    public void Slot_and_root_programs_with_the_wrong_signature_get_EBPF1001_naming_their_attribute()
    {
        const string bad = """
            using Ebpf.Dsl;
            namespace Sample.Bad;
            public static class Bad
            {
                [XdpSlot(0)]
                public static TcAction Slot(XdpContext ctx) => TcAction.Ok;

                [XdpRoot]
                public static XdpAction Root(XdpContext ctx) => XdpAction.Pass;
            }
            """;
        CSharpCompilation compilation = GeneratorHarness.Compile("Sample.BadSlots", GeneratorHarness.ProgramReferences, bad);
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("Sample.Bad.Bad")!;

        ProgramCompilation result = ProgramCompiler.Compile(compilation, type, CancellationToken.None);

        Assert.Null(result.Image);
        List<string> messages = result.Diagnostics.Where(d => d.Id == "EBPF1001").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, m => m.Contains("XdpSlot", System.StringComparison.Ordinal) && m.Contains("XdpAction Slot(XdpContext ctx)", System.StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("XdpRoot", System.StringComparison.Ordinal) && m.Contains("RootVerdict Root(XdpContext ctx)", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Version_1_images_without_a_default_slot_are_still_read()
    {
        ProgramImage program = Assembler.Assemble("r0 = 2\nexit\n", "old", ProgramType.Xdp, "old.s");
        byte[] current = CollectionImageSerializer.Serialize(new CollectionImage(System.Array.Empty<MapDefinition>(), new[] { program }));
        Assert.Equal(0, current[^1]);                         // version 2 ends a program with "has default slot" = 0
        byte[] version1 = current[..^1];
        version1[8] = 1;

        CollectionImage back = CollectionImageSerializer.Deserialize(version1);

        Assert.Equal(program.Instructions, back.Programs[0].Instructions);
        Assert.Null(back.Programs[0].DefaultSlot);
        byte[] withSlot = CollectionImageSerializer.Serialize(new CollectionImage(System.Array.Empty<MapDefinition>(), new[] { program with { DefaultSlot = 7 } }));
        Assert.Equal(7, CollectionImageSerializer.Deserialize(withSlot).Programs[0].DefaultSlot);
        Assert.Throws<InvalidDataException>(() => CollectionImageSerializer.Deserialize([.. version1[..8], 0, 0, .. version1[10..]]));
    }

    private static Compilation Input(string name) =>
        GeneratorHarness.Compile(name, GeneratorHarness.ProgramReferences)
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(Source, GeneratorHarness.ParseOptions, "/src/Slots/Slots.cs"));
}
