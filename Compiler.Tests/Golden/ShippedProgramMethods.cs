using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Ebpf.Dsl;

namespace Ebpf.Compiler.Tests.Golden
{
    /// <summary>The methods of an assembly that are eBPF programs, found by their DSL program attributes.</summary>
    internal static class ShippedProgramMethods
    {
        /// <summary>The DSL attributes that make a static method a program (each is one program in the image).</summary>
        public static readonly Type[] ProgramAttributes =
        {
            typeof(XdpAttribute), typeof(XdpSlotAttribute), typeof(XdpRootAttribute),
            typeof(CgroupSkbAttribute), typeof(SchedClsAttribute), typeof(SocketFilterAttribute),
        };

        /// <summary>The DSL attributes allowed on methods that do not make a program.</summary>
        public static readonly Type[] OtherMethodAttributes = { typeof(HelperCallAttribute), typeof(ManagedOnlyAttribute) };

        /// <summary>Every static method of <paramref name="assembly"/> with a program attribute, by type and name.</summary>
        public static IReadOnlyList<MethodInfo> All(Assembly assembly) =>
            assembly.GetTypes()
                .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                .Where(method => ProgramAttributes.Any(attribute => method.IsDefined(attribute, inherit: false)))
                .OrderBy(method => method.DeclaringType!.FullName, StringComparer.Ordinal)
                .ThenBy(method => method.Name, StringComparer.Ordinal)
                .ToArray();
    }
}
