using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Asm.Serialization;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Skeletons;
using Ebpf.Programs.TailChain;
using Xunit;

namespace Ebpf.Compiler.Tests.Generator;

/// <summary>What the build really produced: Ebpf.Programs with embedded images, Ebpf.Loader with skeletons.</summary>
public sealed class ProgramsAssemblyTests
{
    [Fact]
    public void Programs_assembly_embeds_both_tail_chains_readable_from_the_file_without_loading_it()
    {
        IReadOnlyDictionary<string, CollectionImage> images = EmbeddedCollections.ReadAll(typeof(EgressChain).Assembly.Location);

        Assert.Equal(CollectionImageSerializer.Serialize(EgressChain.Image), CollectionImageSerializer.Serialize(images[typeof(EgressChain).FullName!]));
        Assert.Equal(CollectionImageSerializer.Serialize(XdpChain.Image), CollectionImageSerializer.Serialize(images[typeof(XdpChain).FullName!]));
        Assert.Equal(new[] { "Egress1", "Egress2", "Egress3" }, EgressChain.Image.Programs.Select(program => program.Name).OrderBy(name => name));
        Assert.All(XdpChain.Image.Programs, program => Assert.Equal(ProgramType.Xdp, program.Type));
        Assert.All(EgressChain.Image.Programs, program => Assert.Equal(AttachType.CgroupInetEgress, program.ExpectedAttachType));
        Assert.All(EgressChain.Image.Programs, program => Assert.EndsWith("EgressChain.cs", program.SourceMap[0].Location.File));
    }

    [Fact]
    public void Loader_assembly_has_typed_skeletons_for_the_chains()
    {
        Assert.Equal(typeof(PerCpuArrayView<TailContext>), typeof(EgressChainSkeleton).GetProperty(nameof(EgressChainSkeleton.TailContextMap))!.PropertyType);
        Assert.Equal(typeof(ProgramArrayView), typeof(XdpChainSkeleton).GetProperty(nameof(XdpChainSkeleton.TailPrograms))!.PropertyType);
        Assert.Equal(typeof(BpfProgram), typeof(XdpChainSkeleton).GetProperty(nameof(XdpChainSkeleton.Xdp3))!.PropertyType);
        Assert.Equal(EgressChainSkeleton.ProgramClass, typeof(EgressChain).FullName);
        Assert.Equal(CollectionImageSerializer.Serialize(EgressChain.Image), CollectionImageSerializer.Serialize(EgressChainSkeleton.Image));
    }
}
