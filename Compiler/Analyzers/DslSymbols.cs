using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Analyzers;

/// <summary>The DSL's types as seen by one compilation, found by full metadata name (null when the compilation does not reference the DSL).</summary>
internal sealed class DslSymbols
{
    private static readonly string[] MapTypeNames =
    {
        "Ebpf.Dsl.Maps.ArrayMap`1", "Ebpf.Dsl.Maps.PerCpuArrayMap`1", "Ebpf.Dsl.Maps.HashMap`2",
        "Ebpf.Dsl.Maps.PerCpuHashMap`2", "Ebpf.Dsl.Maps.LruHashMap`2", "Ebpf.Dsl.Maps.LpmTrieMap`2",
        "Ebpf.Dsl.Maps.ProgramArrayMap`2", "Ebpf.Dsl.Maps.RingBufferMap", "Ebpf.Dsl.Maps.DeviceMap",
    };

    private readonly ImmutableArray<ProgramKind> _programKinds;
    private readonly ImmutableHashSet<INamedTypeSymbol> _mapTypes;

    private DslSymbols(IAssemblySymbol assembly, ImmutableArray<ProgramKind> programKinds, ImmutableHashSet<INamedTypeSymbol> mapTypes,
        INamedTypeSymbol? bpf, INamedTypeSymbol? programArrayMap)
    {
        Assembly = assembly;
        _programKinds = programKinds;
        _mapTypes = mapTypes;
        Bpf = bpf;
        ProgramArrayMap = programArrayMap;
    }

    /// <summary>The DSL assembly; its members are lowered by the compiler, not analysed as C#.</summary>
    public IAssemblySymbol Assembly { get; }

    /// <summary><c>Ebpf.Dsl.Bpf</c>, the class of context-free helpers.</summary>
    public INamedTypeSymbol? Bpf { get; }

    /// <summary><c>Ebpf.Dsl.Maps.ProgramArrayMap`2</c>, whose <c>TailCall</c> takes a method group.</summary>
    public INamedTypeSymbol? ProgramArrayMap { get; }

    /// <summary>Finds the DSL in <paramref name="compilation"/>, or returns null when it is not referenced.</summary>
    public static DslSymbols? Create(Compilation compilation)
    {
        var xdp = compilation.GetTypeByMetadataName("Ebpf.Dsl.XdpAttribute");
        if (xdp is null)
        {
            return null;
        }

        var xdpContext = compilation.GetTypeByMetadataName("Ebpf.Dsl.XdpContext");
        var skBuffContext = compilation.GetTypeByMetadataName("Ebpf.Dsl.SkBuffContext");
        var kinds = ImmutableArray.CreateBuilder<ProgramKind>();
        var xdpAction = compilation.GetTypeByMetadataName("Ebpf.Dsl.XdpAction");
        Add(kinds, xdp, xdpContext, xdpAction);
        Add(kinds, compilation.GetTypeByMetadataName("Ebpf.Dsl.XdpSlotAttribute"), xdpContext, xdpAction);
        Add(kinds, compilation.GetTypeByMetadataName("Ebpf.Dsl.XdpRootAttribute"), xdpContext, compilation.GetTypeByMetadataName("Ebpf.Dsl.RootVerdict"));
        Add(kinds, compilation.GetTypeByMetadataName("Ebpf.Dsl.CgroupSkbAttribute"), skBuffContext, compilation.GetTypeByMetadataName("Ebpf.Dsl.CgroupSkbVerdict"));
        Add(kinds, compilation.GetTypeByMetadataName("Ebpf.Dsl.SchedClsAttribute"), skBuffContext, compilation.GetTypeByMetadataName("Ebpf.Dsl.TcAction"));
        Add(kinds, compilation.GetTypeByMetadataName("Ebpf.Dsl.SocketFilterAttribute"), skBuffContext, compilation.GetSpecialType(SpecialType.System_UInt32));

        var maps = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (string name in MapTypeNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } map)
            {
                maps.Add(map);
            }
        }

        return new DslSymbols(xdp.ContainingAssembly, kinds.ToImmutable(), maps.ToImmutable(),
            compilation.GetTypeByMetadataName("Ebpf.Dsl.Bpf"), compilation.GetTypeByMetadataName("Ebpf.Dsl.Maps.ProgramArrayMap`2"));
    }

    /// <summary>The program kind of a method with a program attribute, or null for any other method.</summary>
    public ProgramKind? GetProgramKind(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            foreach (var kind in _programKinds)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, kind.Attribute))
                {
                    return kind;
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> is one of the DSL's map types (any instantiation).</summary>
    public bool IsMapType(ITypeSymbol type) => type is INamedTypeSymbol named && _mapTypes.Contains(named.OriginalDefinition);

    /// <summary>Whether <paramref name="symbol"/> is declared by the DSL.</summary>
    public bool IsDslMember(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Assembly);

    private static void Add(ImmutableArray<ProgramKind>.Builder kinds, INamedTypeSymbol? attribute, INamedTypeSymbol? context, INamedTypeSymbol? verdict)
    {
        if (attribute is not null && context is not null && verdict is not null)
        {
            kinds.Add(new ProgramKind(attribute, context, verdict));
        }
    }
}
