using System;

namespace Ebpf.Asm.Serialization
{
    /// <summary>
    /// Written by the source generator on a program assembly, once per program class: the class's compiled
    /// <see cref="CollectionImage"/> in <see cref="CollectionImageSerializer"/> form. A loader finds every image of
    /// an assembly from its metadata alone (Mono.Cecil or <c>System.Reflection.Metadata</c>), without running it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class EmbeddedCollectionAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="programClass">The full metadata name of the program class (e.g. <c>Ebpf.Programs.TailChain.TailChain</c>).</param>
        /// <param name="image">The serialized image.</param>
        public EmbeddedCollectionAttribute(string programClass, byte[] image)
        {
            ProgramClass = programClass;
            Image = image;
        }

        /// <summary>The full metadata name of the program class.</summary>
        public string ProgramClass { get; }

        /// <summary>The serialized image (<see cref="CollectionImageSerializer.Deserialize"/> reads it).</summary>
        public byte[] Image { get; }
    }
}
