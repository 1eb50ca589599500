using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// The CLR layout of unmanaged types, as the kernel sees the bytes: primitive sizes, enums as their underlying
    /// type, structs laid out sequentially (natural alignment, or <c>Pack</c>), explicitly (<c>FieldOffset</c>),
    /// with <c>Size</c> honoured and fixed buffers expanded. Types without a fixed layout give null.
    /// </summary>
    internal sealed class TypeLayout
    {
        private readonly Dictionary<ITypeSymbol, TypeLayout?> cache;

        private TypeLayout(int size, int alignment, IReadOnlyDictionary<IFieldSymbol, int> offsets, Dictionary<ITypeSymbol, TypeLayout?> cache)
        {
            Size = size;
            Alignment = alignment;
            Offsets = offsets;
            this.cache = cache;
        }

        /// <summary>Size in bytes.</summary>
        public int Size { get; }

        /// <summary>Alignment in bytes (1, 2, 4 or 8).</summary>
        public int Alignment { get; }

        /// <summary>Instance field offsets.</summary>
        public IReadOnlyDictionary<IFieldSymbol, int> Offsets { get; }

        /// <summary>The field's offset in this layout.</summary>
        public int OffsetOf(IFieldSymbol field) => Offsets.TryGetValue(field, out int offset) ? offset : Offsets[(IFieldSymbol)field.OriginalDefinition];

        /// <summary>A cache shared by one compilation run.</summary>
        public static Dictionary<ITypeSymbol, TypeLayout?> NewCache() => new Dictionary<ITypeSymbol, TypeLayout?>(SymbolEqualityComparer.Default);

        /// <summary>The layout of <paramref name="type"/>, or null when it has none (reference types, pointers, floats).</summary>
        public static TypeLayout? Of(ITypeSymbol type, Dictionary<ITypeSymbol, TypeLayout?> cache)
        {
            if (cache.TryGetValue(type, out TypeLayout? known))
            {
                return known;
            }

            cache[type] = null;
            TypeLayout? layout = Compute(type, cache);
            cache[type] = layout;
            return layout;
        }

        /// <summary>Size of a primitive (or enum) type in bytes; 0 when not an integer-like primitive.</summary>
        public static int PrimitiveSize(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
            {
                return PrimitiveSize(underlying);
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                    return 1;
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Char:
                    return 2;
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                    return 4;
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                    return 8;
                default:
                    return 0;
            }
        }

        private static TypeLayout? Compute(ITypeSymbol type, Dictionary<ITypeSymbol, TypeLayout?> cache)
        {
            var empty = new Dictionary<IFieldSymbol, int>(SymbolEqualityComparer.Default);
            int primitive = PrimitiveSize(type);
            if (primitive > 0)
            {
                return new TypeLayout(primitive, primitive, empty, cache);
            }

            if (type.TypeKind != TypeKind.Struct || !type.IsUnmanagedType || !(type is INamedTypeSymbol named) || type.SpecialType != SpecialType.None)
            {
                return null;
            }

            AttributeData? structLayout = named.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.StructLayoutAttribute");
            bool explicitLayout = structLayout != null && structLayout.ConstructorArguments.Length == 1 && Convert.ToInt32(structLayout.ConstructorArguments[0].Value) == 2;
            int pack = 8;
            int declaredSize = 0;
            if (structLayout != null)
            {
                foreach (KeyValuePair<string, TypedConstant> argument in structLayout.NamedArguments)
                {
                    if (argument.Key == "Pack" && argument.Value.Value is int p && p > 0)
                    {
                        pack = Math.Min(p, 8);
                    }
                    else if (argument.Key == "Size" && argument.Value.Value is int s)
                    {
                        declaredSize = s;
                    }
                }
            }

            AttributeData? inlineArray = named.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.InlineArrayAttribute");
            if (inlineArray?.ConstructorArguments.FirstOrDefault().Value is int length)
            {
                IFieldSymbol? element = named.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => !f.IsStatic && !f.IsConst);
                TypeLayout? elementLayout = element is null ? null : Of(element.Type, cache);
                if (elementLayout is null)
                {
                    return null;
                }

                return new TypeLayout(elementLayout.Size * length, elementLayout.Alignment, new Dictionary<IFieldSymbol, int>(SymbolEqualityComparer.Default) { [element!] = 0 }, cache);
            }

            var offsets = new Dictionary<IFieldSymbol, int>(SymbolEqualityComparer.Default);
            int size = 0;
            int alignment = 1;
            foreach (IFieldSymbol field in named.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst))
            {
                int fieldSize;
                int fieldAlignment;
                if (field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol pointer)
                {
                    int element = PrimitiveSize(pointer.PointedAtType);
                    fieldSize = element * field.FixedSize;
                    fieldAlignment = element;
                }
                else
                {
                    TypeLayout? inner = Of(field.Type, cache);
                    if (inner is null)
                    {
                        return null;
                    }

                    fieldSize = inner.Size;
                    fieldAlignment = inner.Alignment;
                }

                fieldAlignment = Math.Min(fieldAlignment, pack);
                int offset;
                if (explicitLayout)
                {
                    AttributeData? fieldOffset = field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.FieldOffsetAttribute");
                    offset = fieldOffset?.ConstructorArguments[0].Value is int o ? o : 0;
                }
                else
                {
                    offset = Align(size, fieldAlignment);
                }

                offsets[field] = offset;
                size = Math.Max(size, offset + fieldSize);
                alignment = Math.Max(alignment, fieldAlignment);
            }

            size = Math.Max(Align(Math.Max(size, 1), alignment), declaredSize);
            return new TypeLayout(size, alignment, offsets, cache);
        }

        private static int Align(int value, int alignment) => (value + alignment - 1) / alignment * alignment;

        /// <inheritdoc />
        public override string ToString() => $"size {Size}, align {Alignment}, cache {cache.Count}";
    }
}
