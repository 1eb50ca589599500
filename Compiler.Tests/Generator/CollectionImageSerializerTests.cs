using System;
using System.IO;
using Ebpf.Asm;
using Ebpf.Asm.Serialization;
using Xunit;

namespace Ebpf.Compiler.Tests.Generator;

public sealed class CollectionImageSerializerTests
{
    [Fact]
    public void Round_trip_keeps_maps_programs_relocations_and_source_map()
    {
        CollectionImage image = TestImages.Chain();

        byte[] bytes = CollectionImageSerializer.Serialize(image);
        CollectionImage back = CollectionImageSerializer.Deserialize(bytes);

        Assert.Equal(bytes, CollectionImageSerializer.Serialize(back));
        Assert.Equal(image.Maps[0] with { ProgramSlots = back.Maps[0].ProgramSlots }, back.Maps[0]);
        Assert.Equal(image.Maps[1].ProgramSlots, back.Maps[1].ProgramSlots);
        Assert.Equal(MapPinning.ByName, back.Maps[1].Pinning);
        Assert.Equal(image.Programs[0].Instructions, back.Programs[0].Instructions);
        Assert.Equal(image.Programs[0].Relocations, back.Programs[0].Relocations);
        Assert.Equal(image.Programs[1].SourceMap, back.Programs[1].SourceMap);
        Assert.Equal(AttachType.CgroupInetEgress, back.Programs[1].ExpectedAttachType);
        Assert.Equal("Dual BSD/GPL", back.Programs[1].License);
    }

    [Fact]
    public void Empty_collection_round_trips()
    {
        CollectionImage back = CollectionImageSerializer.Deserialize(CollectionImageSerializer.Serialize(CollectionImage.Empty));

        Assert.Empty(back.Maps);
        Assert.Empty(back.Programs);
    }

    [Fact]
    public void Truncated_or_foreign_bytes_are_invalid_data()
    {
        byte[] bytes = CollectionImageSerializer.Serialize(TestImages.Chain());

        for (int length = 0; length < bytes.Length; length += 7)
        {
            Assert.Throws<InvalidDataException>(() => CollectionImageSerializer.Deserialize(bytes.AsSpan(0, length).ToArray()));
        }

        Assert.Throws<InvalidDataException>(() => CollectionImageSerializer.Deserialize([.. bytes, 0]));
        byte[] otherVersion = (byte[])bytes.Clone();
        otherVersion[8] = 99;
        Assert.Throws<InvalidDataException>(() => CollectionImageSerializer.Deserialize(otherVersion));
        Assert.Throws<InvalidDataException>(() => CollectionImageSerializer.Deserialize("not an image"u8.ToArray()));
    }
}
