using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Compiler.Analyzers;
using Ebpf.Compiler.Backend;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.FrontEnd;
using Ebpf.Compiler.IR;
using Ebpf.Compiler.Passes;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Driver
{
    /// <summary>
    /// The compiler's facade: finds program classes and compiles one into a <see cref="CollectionImage"/> (its maps and
    /// programs, with relocations and C# source maps). The generator and the CLI call only this.
    /// </summary>
    public static class ProgramCompiler
    {
        /// <summary>
        /// Compiles every <c>[Xdp]</c>/<c>[XdpSlot]</c>/<c>[XdpRoot]</c>/<c>[CgroupSkb]</c>/<c>[SchedCls]</c>/<c>[SocketFilter]</c> method of
        /// <paramref name="programClass"/>, plus the maps it declares, into one <see cref="CollectionImage"/>.
        /// Never throws for a bad program: problems are diagnostics; a compiler bug is EBPF9001.
        /// </summary>
        /// <param name="compilation">The compilation holding the class (it references Ebpf.Dsl).</param>
        /// <param name="programClass">A class that declares program methods.</param>
        /// <param name="cancellationToken">Cancels the work (the only exception that escapes).</param>
        public static ProgramCompilation Compile(Compilation compilation, INamedTypeSymbol programClass, CancellationToken cancellationToken)
        {
            var diagnostics = new List<Diagnostic>();
            try
            {
                CollectionImage image = CompileClass(compilation, programClass, diagnostics, cancellationToken);
                bool failed = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
                return new ProgramCompilation(failed ? null : image, Distinct(diagnostics));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception exception)
            {
                Location location = programClass.Locations.FirstOrDefault() ?? Location.None;
                diagnostics.Add(FrontEndDiagnostics.Create(DiagnosticCatalogue.InternalError, location, exception.GetType().FullName, exception.Message));
                return new ProgramCompilation(null, diagnostics.ToImmutableArray());
            }
        }

        /// <summary>Classes of the compilation's own source that declare at least one program method.</summary>
        /// <param name="compilation">The compilation to search.</param>
        /// <param name="cancellationToken">Cancels the search.</param>
        public static ImmutableArray<INamedTypeSymbol> FindProgramClasses(Compilation compilation, CancellationToken cancellationToken)
        {
            var found = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                INamespaceOrTypeSymbol current = pending.Pop();
                foreach (ISymbol member in current.GetMembers())
                {
                    if (member is INamespaceSymbol ns)
                    {
                        pending.Push(ns);
                    }
                    else if (member is INamedTypeSymbol type)
                    {
                        pending.Push(type);
                        if (type.TypeKind == TypeKind.Class && type.GetMembers().OfType<IMethodSymbol>().Any(m => ProgramDiscovery.Declaration(m) != null))
                        {
                            found.Add(type);
                        }
                    }
                }
            }

            return found.OrderBy(t => t.ToDisplayString(), StringComparer.Ordinal).ToImmutableArray();
        }

        private static CollectionImage CompileClass(Compilation compilation, INamedTypeSymbol programClass, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            Dictionary<ITypeSymbol, TypeLayout?> layouts = TypeLayout.NewCache();
            DslSymbols? dsl = DslSymbols.Create(compilation);
            List<ProgramDeclaration> programs = ProgramDiscovery.Programs(programClass);
            List<MapDeclaration> maps = MapDiscovery.Maps(compilation, programClass, dsl, layouts, diagnostics, cancellationToken);
            var mapNames = maps.ToDictionary(m => m.Field, m => m.Field.Name, (IEqualityComparer<IFieldSymbol>)SymbolEqualityComparer.Default);
            string license = License(compilation, programClass);
            var slots = new TailCallSlots(programs, maps);
            var images = new List<ProgramImage>();
            foreach (ProgramDeclaration program in programs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!ProgramDiscovery.Check(program, dsl, diagnostics, cancellationToken))
                {
                    continue;
                }

                slots.Caller = program;
                var builder = new IrFunctionBuilder(program.Name, IrType.I32);
                var context = new ProgramLoweringContext(compilation, builder, program.Type, mapNames, slots, layouts, cancellationToken);
                IrModule? module = ProgramLowering.Lower(context, program.Method, program.AttachType, license);
                diagnostics.AddRange(context.Diagnostics);
                if (module is null || context.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    continue;
                }

                ProgramImage? image = Generate(module, program, context.NeedsCpuV4, diagnostics);
                if (image != null)
                {
                    images.Add(program.Slot is int slot ? image with { DefaultSlot = slot } : image);
                }
            }

            slots.Apply(maps);
            return new CollectionImage(maps.Select(m => m.Definition).ToList(), images);
        }

        private static ProgramImage? Generate(IrModule module, ProgramDeclaration program, bool cpuV4, List<Diagnostic> diagnostics)
        {
            Location location = program.Method.Locations.FirstOrDefault() ?? Location.None;
            try
            {
                PassPipeline.CreateDefault().Run(module);
                return BpfBackend.Compile(module, new BackendOptions { Cpu = cpuV4 ? CpuVersion.V4 : CpuVersion.V3 });
            }
            catch (StackFrameTooLargeException exception)
            {
                diagnostics.Add(FrontEndDiagnostics.Create(DiagnosticCatalogue.StackTooLarge, location, program.Name, exception.RequiredBytes, exception.LimitBytes));
                return null;
            }
        }

        /// <summary>
        /// One diagnostic per id, location and message: programs of one class that share a helper method each run the
        /// analyzers' rules on it, and report its problems once.
        /// </summary>
        private static ImmutableArray<Diagnostic> Distinct(List<Diagnostic> diagnostics) =>
            diagnostics
                .GroupBy(d => (d.Id, d.Location, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
                .Select(group => group.First())
                .ToImmutableArray();

        /// <summary>[License] on the class, else on the assembly, else "GPL".</summary>
        private static string License(Compilation compilation, INamedTypeSymbol programClass)
        {
            AttributeData? attribute = DslNames.Attribute(programClass, DslNames.License) ?? DslNames.Attribute(compilation.Assembly, DslNames.License);
            return attribute?.ConstructorArguments.FirstOrDefault().Value as string ?? "GPL";
        }
    }
}
