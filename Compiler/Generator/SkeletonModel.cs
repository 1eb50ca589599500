using System;

namespace Ebpf.Compiler.Generator;

/// <summary>What the skeleton of one referenced program class holds, as values only.</summary>
internal sealed class SkeletonModel : IEquatable<SkeletonModel>
{
    public SkeletonModel(string assemblyName, string programClass, string? @namespace, string name, EquatableArray<SkeletonMap> maps, EquatableArray<string> programs)
    {
        AssemblyName = assemblyName;
        ProgramClass = programClass;
        Namespace = @namespace;
        Name = name;
        Maps = maps;
        Programs = programs;
    }

    /// <summary>The program assembly's simple name.</summary>
    public string AssemblyName { get; }

    /// <summary>The program class's full metadata name.</summary>
    public string ProgramClass { get; }

    /// <summary>The skeleton's namespace (the program class's), or null for the global namespace.</summary>
    public string? Namespace { get; }

    /// <summary>The skeleton's class name (<c>TailChainSkeleton</c>).</summary>
    public string Name { get; }

    /// <summary>The maps, in image order.</summary>
    public EquatableArray<SkeletonMap> Maps { get; }

    /// <summary>The program names, in image order.</summary>
    public EquatableArray<string> Programs { get; }

    public bool Equals(SkeletonModel? other) =>
        other is not null && AssemblyName == other.AssemblyName && ProgramClass == other.ProgramClass && Namespace == other.Namespace &&
        Name == other.Name && Maps == other.Maps && Programs == other.Programs;

    public override bool Equals(object? obj) => Equals(obj as SkeletonModel);

    public override int GetHashCode() => unchecked((ProgramClass.GetHashCode() * 31) + Maps.GetHashCode());
}
