using System;

namespace Ebpf.Asm.Serialization
{
    /// <summary>
    /// Written by the source generator next to <see cref="EmbeddedCollectionAttribute"/>: the C# type a map's field
    /// declares (e.g. <c>PerCpuArrayMap&lt;TailContext&gt;</c>), which the image alone does not carry. Skeleton
    /// generation reads it to give user space typed views (<c>PerCpuArrayView&lt;TailContext&gt;</c>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class EmbeddedMapTypeAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="programClass">The full metadata name of the program class that declares the map.</param>
        /// <param name="mapName">The map's name (its field's name).</param>
        /// <param name="declaredType">The field's type.</param>
        public EmbeddedMapTypeAttribute(string programClass, string mapName, Type declaredType)
        {
            ProgramClass = programClass;
            MapName = mapName;
            DeclaredType = declaredType;
        }

        /// <summary>The full metadata name of the program class.</summary>
        public string ProgramClass { get; }

        /// <summary>The map's name.</summary>
        public string MapName { get; }

        /// <summary>The map field's declared type.</summary>
        public Type DeclaredType { get; }
    }
}
