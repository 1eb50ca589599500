using Ebpf.Asm;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Driver
{
    /// <summary>A map field of a program class and the definition read from its initializer.</summary>
    internal sealed class MapDeclaration
    {
        public MapDeclaration(IFieldSymbol field, MapDefinition definition)
        {
            Field = field;
            Definition = definition;
        }

        public IFieldSymbol Field { get; }

        /// <summary>Name (the field's), type, key/value sizes from the type layout, max_entries, flags, pinning.</summary>
        public MapDefinition Definition { get; set; }
    }
}
