using System;

namespace Ebpf.Compiler.Generator;

/// <summary>A map's name and the C# type its field declares (fully qualified, for a <c>typeof</c>).</summary>
internal sealed class MapTypeInfo : IEquatable<MapTypeInfo>
{
    public MapTypeInfo(string mapName, string declaredType)
    {
        MapName = mapName;
        DeclaredType = declaredType;
    }

    /// <summary>The map's name (its field's name).</summary>
    public string MapName { get; }

    /// <summary>The field's type, e.g. <c>global::Ebpf.Dsl.Maps.PerCpuArrayMap&lt;global::N.TailContext&gt;</c>.</summary>
    public string DeclaredType { get; }

    public bool Equals(MapTypeInfo? other) => other is not null && MapName == other.MapName && DeclaredType == other.DeclaredType;

    public override bool Equals(object? obj) => Equals(obj as MapTypeInfo);

    public override int GetHashCode() => unchecked((MapName.GetHashCode() * 31) + DeclaredType.GetHashCode());
}
