using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Compiler.Analyzers;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.FrontEnd;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Driver
{
    /// <summary>Finds program methods by attribute (full metadata names of Ebpf.Dsl) and checks their signatures.</summary>
    internal static class ProgramDiscovery
    {
        /// <summary>The program declared by <paramref name="method"/>'s attribute, or null when it has none.</summary>
        public static ProgramDeclaration? Declaration(IMethodSymbol method)
        {
            // [XdpSlot(k)] alone makes an XDP program; with [Xdp] beside it, it still is a slot program.
            if (DslNames.Attribute(method, DslNames.XdpSlot) is { } slotAttribute)
            {
                int slot = slotAttribute.ConstructorArguments.Length == 1 && slotAttribute.ConstructorArguments[0].Value is int k ? k : 0;
                return new ProgramDeclaration(method, ProgramType.Xdp, AttachType.Xdp, "XdpSlot", DslNames.XdpContext, DslNames.XdpAction) { Slot = slot };
            }

            foreach (AttributeData attribute in method.GetAttributes())
            {
                switch (DslNames.Of(attribute.AttributeClass))
                {
                    case DslNames.Xdp:
                        return new ProgramDeclaration(method, ProgramType.Xdp, AttachType.Xdp, "Xdp", DslNames.XdpContext, DslNames.XdpAction);
                    case DslNames.XdpRoot:
                        return new ProgramDeclaration(method, ProgramType.Xdp, AttachType.Xdp, "XdpRoot", DslNames.XdpContext, DslNames.RootVerdict);
                    case DslNames.CgroupSkb:
                        bool ingress = attribute.ConstructorArguments.Length == 1 && System.Convert.ToInt32(attribute.ConstructorArguments[0].Value, System.Globalization.CultureInfo.InvariantCulture) == 0;
                        return new ProgramDeclaration(
                            method,
                            ProgramType.CgroupSkb,
                            ingress ? AttachType.CgroupInetIngress : AttachType.CgroupInetEgress,
                            "CgroupSkb",
                            DslNames.SkBuffContext,
                            "Ebpf.Dsl.CgroupSkbVerdict");
                    case DslNames.SchedCls:
                        return new ProgramDeclaration(method, ProgramType.SchedCls, null, "SchedCls", DslNames.SkBuffContext, "Ebpf.Dsl.TcAction");
                    case DslNames.SocketFilter:
                        return new ProgramDeclaration(method, ProgramType.SocketFilter, null, "SocketFilter", DslNames.SkBuffContext, "System.UInt32");
                }
            }

            return null;
        }

        /// <summary>The program methods of a class, in declaration order.</summary>
        public static List<ProgramDeclaration> Programs(INamedTypeSymbol programClass) =>
            programClass.GetMembers().OfType<IMethodSymbol>().Select(Declaration).Where(d => d != null).Select(d => d!).ToList();

        /// <summary>
        /// Reports EBPF1001 and EBPF1003 for a program with the analyzer's rules (<see cref="ProgramShapeRules"/>: same
        /// wording, same spans); true when its signature is usable.
        /// </summary>
        public static bool Check(ProgramDeclaration program, DslSymbols? dsl, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            IMethodSymbol method = program.Method;
            Location location = method.Locations.FirstOrDefault() ?? Location.None;
            bool ok = method.IsStatic && !method.IsGenericMethod && method.Parameters.Length == 1 &&
                method.Parameters[0].RefKind == RefKind.None &&
                DslNames.Of(method.Parameters[0].Type) == program.ContextType &&
                DslNames.Of(method.ReturnType) == program.VerdictType;
            int before = diagnostics.Count;
            if (dsl != null)
            {
                ProgramShapeRules.AnalyzeProgramMethod(method, dsl, diagnostics.Add, cancellationToken);
            }

            if (!ok && !diagnostics.Skip(before).Any(d => d.Id == DiagnosticCatalogue.ProgramSignature.Id))
            {
                // The rules and this check disagree (a signature the rules accept but lowering cannot use): still say why.
                string context = program.ContextType.Substring(program.ContextType.LastIndexOf('.') + 1);
                string verdict = program.VerdictType == "System.UInt32" ? "uint" : program.VerdictType.Substring(program.VerdictType.LastIndexOf('.') + 1);
                diagnostics.Add(FrontEndDiagnostics.Create(
                    DiagnosticCatalogue.ProgramSignature, location, method.Name, program.Attribute, $"{verdict} {method.Name}({context} ctx)"));
            }

            return ok;
        }
    }
}
