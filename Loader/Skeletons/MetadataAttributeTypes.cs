using System;
using System.Reflection.Metadata;

namespace Ebpf.Loader.Skeletons
{
    /// <summary>
    /// Just enough of a type provider for <see cref="CustomAttribute.DecodeValue{TType}"/> to decode the arguments of
    /// <c>EmbeddedCollectionAttribute</c> (a string and a byte[]) straight from metadata; types are named, not loaded.
    /// </summary>
    internal sealed class MetadataAttributeTypes : ICustomAttributeTypeProvider<string>
    {
        public static MetadataAttributeTypes Instance { get; } = new();

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) =>
            throw new BadImageFormatException($"unexpected enum argument of type {type} in an embedded-image attribute");

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
