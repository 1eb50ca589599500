using System;

namespace Ebpf.Compiler.Generator;

/// <summary>One map member of a skeleton: its name, the view type the skeleton exposes, and whether the view is disposable.</summary>
internal sealed class SkeletonMap : IEquatable<SkeletonMap>
{
    public SkeletonMap(string name, string viewType, bool viewIsDisposable)
    {
        Name = name;
        ViewType = viewType;
        ViewIsDisposable = viewIsDisposable;
    }

    /// <summary>The map's name (the program class's field name).</summary>
    public string Name { get; }

    /// <summary>The fully qualified view type, e.g. <c>global::Ebpf.Loader.Maps.PerCpuArrayView&lt;global::N.TailContext&gt;</c>.</summary>
    public string ViewType { get; }

    /// <summary>Whether the skeleton must dispose the view (a ring buffer's mapping).</summary>
    public bool ViewIsDisposable { get; }

    public bool Equals(SkeletonMap? other) =>
        other is not null && Name == other.Name && ViewType == other.ViewType && ViewIsDisposable == other.ViewIsDisposable;

    public override bool Equals(object? obj) => Equals(obj as SkeletonMap);

    public override int GetHashCode() => unchecked((Name.GetHashCode() * 31) + ViewType.GetHashCode());
}
