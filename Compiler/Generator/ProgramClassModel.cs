using System;

namespace Ebpf.Compiler.Generator;

/// <summary>
/// What the generator writes for one program class, as values only: the class's name and shape, the serialized
/// <c>CollectionImage</c> and the declared types of its maps. No symbol, syntax node or compilation is kept, so an
/// edit that compiles to the same image compares equal and regenerates nothing.
/// </summary>
internal sealed class ProgramClassModel : IEquatable<ProgramClassModel>
{
    public ProgramClassModel(
        string metadataName,
        string? @namespace,
        string name,
        string modifiers,
        bool canAddMembers,
        EquatableArray<byte> image,
        EquatableArray<MapTypeInfo> mapTypes)
    {
        MetadataName = metadataName;
        Namespace = @namespace;
        Name = name;
        Modifiers = modifiers;
        CanAddMembers = canAddMembers;
        Image = image;
        MapTypes = mapTypes;
    }

    /// <summary>The class's full metadata name (<c>N.TailChain</c>).</summary>
    public string MetadataName { get; }

    /// <summary>The containing namespace, or null for the global namespace.</summary>
    public string? Namespace { get; }

    /// <summary>The class name.</summary>
    public string Name { get; }

    /// <summary>The modifiers the partial declaration repeats (<c>public static</c>).</summary>
    public string Modifiers { get; }

    /// <summary>Whether the class is a top-level partial class that can take the generated <c>Image</c> member.</summary>
    public bool CanAddMembers { get; }

    /// <summary>The image in <c>CollectionImageSerializer</c> form.</summary>
    public EquatableArray<byte> Image { get; }

    /// <summary>The declared C# type of every map whose type is accessible from the assembly.</summary>
    public EquatableArray<MapTypeInfo> MapTypes { get; }

    public bool Equals(ProgramClassModel? other) =>
        other is not null && MetadataName == other.MetadataName && Namespace == other.Namespace && Name == other.Name &&
        Modifiers == other.Modifiers && CanAddMembers == other.CanAddMembers && Image == other.Image && MapTypes == other.MapTypes;

    public override bool Equals(object? obj) => Equals(obj as ProgramClassModel);

    public override int GetHashCode() => unchecked((MetadataName.GetHashCode() * 31) + Image.GetHashCode());
}
