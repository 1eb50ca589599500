using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Compiler.Analyzers;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Driver
{
    /// <summary>
    /// Reads the maps a program class declares: <c>static readonly XxxMap&lt;…&gt; Name = new(maxEntries: N, flags: …, pinning: …)</c>.
    /// The field name is the map name; key and value sizes come from the CLR layout of the type arguments.
    /// </summary>
    internal static class MapDiscovery
    {
        private const uint NoPrealloc = 1;

        /// <summary>
        /// The class's maps. Declaration problems (EBPF1002) are reported by the analyzer's rules
        /// (<see cref="ProgramShapeRules"/>: same wording, same spans); a map with such a problem is left out.
        /// </summary>
        public static List<MapDeclaration> Maps(Compilation compilation, INamedTypeSymbol programClass, DslSymbols? dsl, Dictionary<ITypeSymbol, TypeLayout?> layouts, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var maps = new List<MapDeclaration>();
            foreach (IFieldSymbol field in programClass.GetMembers().OfType<IFieldSymbol>())
            {
                if (!DslNames.IsMap(field.Type))
                {
                    continue;
                }

                Location location = field.Locations.FirstOrDefault() ?? Location.None;
                int before = diagnostics.Count;
                if (dsl != null)
                {
                    ProgramShapeRules.AnalyzeField(field, compilation, dsl, diagnostics.Add, cancellationToken);
                }

                // Fallback when the rules and this reader disagree, so a map left out is never silent.
                void Refuse(Location at, string problem)
                {
                    if (!diagnostics.Skip(before).Any(d => d.Id == DiagnosticCatalogue.MapDeclaration.Id))
                    {
                        diagnostics.Add(FrontEndDiagnostics.Create(DiagnosticCatalogue.MapDeclaration, at, field.Name, problem));
                    }
                }

                if (!field.IsStatic || !field.IsReadOnly)
                {
                    Refuse(location, "is not static readonly");
                    continue;
                }

                IObjectCreationOperation? creation = null;
                foreach (SyntaxReference reference in field.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer })
                    {
                        creation = compilation.GetSemanticModel(initializer.SyntaxTree).GetOperation(initializer.Value, cancellationToken) as IObjectCreationOperation;
                    }
                }

                if (creation is null)
                {
                    Refuse(location, "is not initialised with 'new(...)'");
                    continue;
                }

                var arguments = new Dictionary<string, long>();
                bool constant = true;
                foreach (IArgumentOperation argument in creation.Arguments)
                {
                    if (argument.Parameter is null)
                    {
                        continue;
                    }

                    if (argument.Value.ConstantValue is { HasValue: true, Value: { } value } && !(value is string))
                    {
                        arguments[argument.Parameter.Name] = System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        constant = false;
                        Refuse(argument.Syntax.GetLocation(), "has an argument that is not a constant");
                    }
                }

                if (!constant)
                {
                    continue;
                }

                MapDefinition? definition = Define(field, (INamedTypeSymbol)field.Type, arguments, layouts, location, diagnostics);
                if (definition != null)
                {
                    maps.Add(new MapDeclaration(field, definition));
                }
            }

            return maps;
        }

        private static MapDefinition? Define(IFieldSymbol field, INamedTypeSymbol type, Dictionary<string, long> arguments, Dictionary<ITypeSymbol, TypeLayout?> layouts, Location location, List<Diagnostic> diagnostics)
        {
            int Size(ITypeSymbol t)
            {
                TypeLayout? layout = TypeLayout.Of(t, layouts);
                if (layout is null)
                {
                    diagnostics.Add(FrontEndDiagnostics.Create(DiagnosticCatalogue.UnsupportedType, location, t.ToDisplayString()));
                    return -1;
                }

                return layout.Size;
            }

            int maxEntries = (int)(arguments.TryGetValue("maxEntries", out long m) ? m : arguments.TryGetValue("sizeBytes", out long s) ? s : 0);
            uint flags = (uint)(arguments.TryGetValue("flags", out long f) ? f : 0);
            MapPinning pinning = arguments.TryGetValue("pinning", out long p) ? (MapPinning)p : MapPinning.None;
            MapType mapType;
            int keySize;
            int valueSize;
            switch (DslNames.Of(type))
            {
                case DslNames.ArrayMap: mapType = MapType.Array; keySize = 4; valueSize = Size(type.TypeArguments[0]); break;
                case DslNames.PerCpuArrayMap: mapType = MapType.PerCpuArray; keySize = 4; valueSize = Size(type.TypeArguments[0]); break;
                case DslNames.HashMap: mapType = MapType.Hash; keySize = Size(type.TypeArguments[0]); valueSize = Size(type.TypeArguments[1]); break;
                case DslNames.PerCpuHashMap: mapType = MapType.PerCpuHash; keySize = Size(type.TypeArguments[0]); valueSize = Size(type.TypeArguments[1]); break;
                case DslNames.LruHashMap: mapType = MapType.LruHash; keySize = Size(type.TypeArguments[0]); valueSize = Size(type.TypeArguments[1]); break;
                case DslNames.LpmTrieMap:
                    mapType = MapType.LpmTrie;
                    keySize = 4 + Size(type.TypeArguments[0]);
                    valueSize = Size(type.TypeArguments[1]);
                    flags |= NoPrealloc;
                    break;
                case DslNames.ProgramArrayMap: mapType = MapType.ProgramArray; keySize = 4; valueSize = 4; break;
                case DslNames.RingBufferMap: mapType = MapType.RingBuffer; keySize = 0; valueSize = 0; break;
                default: mapType = MapType.Devmap; keySize = 4; valueSize = 4; break;
            }

            if (keySize < 0 || valueSize < 0)
            {
                return null;
            }

            return new MapDefinition(field.Name, mapType, keySize, valueSize, maxEntries, flags) { Pinning = pinning };
        }
    }
}
