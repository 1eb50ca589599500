using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Ebpf.Asm;
using Ebpf.Asm.Serialization;

namespace Ebpf.Loader.Skeletons
{
    /// <summary>
    /// Reads the images the source generator embedded in a program assembly (one
    /// <see cref="EmbeddedCollectionAttribute"/> per program class) from its metadata, without running its code.
    /// </summary>
    public static class EmbeddedCollections
    {
        private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, CollectionImage>> Cache = new();

        /// <summary>Every embedded image of <paramref name="assembly"/>, by program class (full metadata name).</summary>
        /// <param name="assembly">A program assembly.</param>
        /// <exception cref="System.IO.InvalidDataException">An embedded image is malformed or of an unknown version.</exception>
        public static IReadOnlyDictionary<string, CollectionImage> ReadAll(Assembly assembly)
        {
            if (assembly is null)
            {
                throw new ArgumentNullException(nameof(assembly));
            }

            return Cache.GetOrAdd(assembly, static target =>
            {
                var images = new Dictionary<string, CollectionImage>(StringComparer.Ordinal);
                foreach (CustomAttributeData attribute in target.GetCustomAttributesData())
                {
                    if (attribute.AttributeType.FullName != typeof(EmbeddedCollectionAttribute).FullName ||
                        attribute.ConstructorArguments.Count != 2 ||
                        attribute.ConstructorArguments[0].Value is not string programClass ||
                        attribute.ConstructorArguments[1].Value is not ReadOnlyCollection<CustomAttributeTypedArgument> bytes)
                    {
                        continue;
                    }

                    byte[] image = bytes.Select(argument => (byte)argument.Value!).ToArray();
                    images[programClass] = CollectionImageSerializer.Deserialize(image);
                }

                return images;
            });
        }

        /// <summary>
        /// Every embedded image of the assembly file at <paramref name="assemblyPath"/>, by program class, read with
        /// System.Reflection.Metadata: the assembly is neither loaded nor run.
        /// </summary>
        /// <param name="assemblyPath">The path of a program assembly (e.g. Ebpf.Programs.dll).</param>
        /// <exception cref="InvalidDataException">An embedded image is malformed or of an unknown version.</exception>
        /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
        public static IReadOnlyDictionary<string, CollectionImage> ReadAll(string assemblyPath)
        {
            using FileStream file = File.OpenRead(assemblyPath);
            using var pe = new PEReader(file);
            MetadataReader reader = pe.GetMetadataReader();
            var images = new Dictionary<string, CollectionImage>(StringComparer.Ordinal);
            foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute attribute = reader.GetCustomAttribute(handle);
                if (AttributeName(reader, attribute) != typeof(EmbeddedCollectionAttribute).FullName)
                {
                    continue;
                }

                CustomAttributeValue<string> value = attribute.DecodeValue(MetadataAttributeTypes.Instance);
                if (value.FixedArguments.Length == 2 && value.FixedArguments[0].Value is string programClass &&
                    value.FixedArguments[1].Value is ImmutableArray<CustomAttributeTypedArgument<string>> bytes)
                {
                    images[programClass] = CollectionImageSerializer.Deserialize(bytes.Select(argument => (byte)argument.Value!).ToArray());
                }
            }

            return images;
        }

        /// <summary>The image of <paramref name="programClass"/> embedded in <paramref name="assembly"/>.</summary>
        /// <param name="assembly">A program assembly.</param>
        /// <param name="programClass">The program class's full metadata name.</param>
        /// <exception cref="KeyNotFoundException">The assembly embeds no image for that class.</exception>
        public static CollectionImage Read(Assembly assembly, string programClass)
        {
            IReadOnlyDictionary<string, CollectionImage> images = ReadAll(assembly);
            return images.TryGetValue(programClass, out CollectionImage? image)
                ? image
                : throw new KeyNotFoundException(
                    $"{assembly.GetName().Name} embeds no eBPF image for '{programClass}' (it has: {string.Join(", ", images.Keys)}); " +
                    "is the generator wired into its project (docs/generator.md)?");
        }

        /// <summary>The image of <paramref name="programClass"/> in the assembly named <paramref name="assemblyName"/>.</summary>
        /// <param name="assemblyName">The program assembly's simple name, e.g. <c>Ebpf.Programs</c>.</param>
        /// <param name="programClass">The program class's full metadata name.</param>
        public static CollectionImage Read(string assemblyName, string programClass) =>
            Read(Assembly.Load(new AssemblyName(assemblyName)), programClass);

        private static string? AttributeName(MetadataReader reader, CustomAttribute attribute)
        {
            EntityHandle type = attribute.Constructor.Kind switch
            {
                HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
                HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
                _ => default,
            };
            return type.Kind switch
            {
                HandleKind.TypeReference => Name(reader, reader.GetTypeReference((TypeReferenceHandle)type).Namespace, reader.GetTypeReference((TypeReferenceHandle)type).Name),
                HandleKind.TypeDefinition => Name(reader, reader.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, reader.GetTypeDefinition((TypeDefinitionHandle)type).Name),
                _ => null,
            };
        }

        private static string Name(MetadataReader reader, StringHandle ns, StringHandle name) =>
            reader.GetString(ns) + "." + reader.GetString(name);
    }
}
