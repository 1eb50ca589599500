using System.Linq;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Generator;

/// <summary>
/// The mirror names between rooms: the Dsl's <c>*Map</c> a program declares ↔ the Loader's <c>*View</c> user space
/// reads it through (<c>PerCpuArrayMap&lt;T&gt;</c> ↔ <c>PerCpuArrayView&lt;T&gt;</c>).
/// </summary>
internal static class MapViewNames
{
    public const string RawMap = "global::Ebpf.Loader.Maps.BpfMap";

    /// <summary>
    /// The view type for a map field of type <paramref name="mapType"/>, or <see cref="RawMap"/> when the map has no
    /// typed view or a type argument is not accessible from <paramref name="compilation"/>.
    /// </summary>
    public static SkeletonMap For(string name, ITypeSymbol? mapType, Compilation compilation)
    {
        if (mapType is not INamedTypeSymbol named || named.ContainingNamespace?.ToDisplayString() != "Ebpf.Dsl.Maps" ||
            named.TypeArguments.Any(argument => !compilation.IsSymbolAccessibleWithin(argument, compilation.Assembly)))
        {
            return new SkeletonMap(name, RawMap, false);
        }

        string arguments = named.TypeArguments.Length == 0
            ? ""
            : "<" + string.Join(", ", named.TypeArguments.Select(argument => argument.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))) + ">";
        return named.MetadataName switch
        {
            "ArrayMap`1" => new SkeletonMap(name, "global::Ebpf.Loader.Maps.ArrayView" + arguments, false),
            "PerCpuArrayMap`1" => new SkeletonMap(name, "global::Ebpf.Loader.Maps.PerCpuArrayView" + arguments, false),
            "HashMap`2" or "LruHashMap`2" => new SkeletonMap(name, "global::Ebpf.Loader.Maps.HashView" + arguments, false),
            "PerCpuHashMap`2" => new SkeletonMap(name, "global::Ebpf.Loader.Maps.PerCpuHashView" + arguments, false),
            "LpmTrieMap`2" => new SkeletonMap(name, "global::Ebpf.Loader.Maps.LpmTrieView" + arguments, false),
            "ProgramArrayMap`2" => new SkeletonMap(name, "global::Ebpf.Loader.Maps.ProgramArrayView", false),
            "RingBufferMap" => new SkeletonMap(name, "global::Ebpf.Loader.Maps.RingBufferView", true),
            _ => new SkeletonMap(name, RawMap, false),
        };
    }
}
