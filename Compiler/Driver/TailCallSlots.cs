using System.Collections.Generic;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.Diagnostics;
using Ebpf.Compiler.FrontEnd;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Driver
{
    /// <summary>
    /// Gives each named tail-call target a slot of its PROG_ARRAY, in order of first use (the loader fills the slots;
    /// no numbers in the program). Targets must be program methods of the class with the caller's program type and
    /// attach type (one PROG_ARRAY holds one kind, kernel 6.18); a map may not have more targets than max_entries.
    /// </summary>
    internal sealed class TailCallSlots : ITailCallTargets
    {
        private readonly Dictionary<IFieldSymbol, List<string>> slots = new Dictionary<IFieldSymbol, List<string>>(SymbolEqualityComparer.Default);
        private readonly IReadOnlyList<ProgramDeclaration> programs;
        private readonly IReadOnlyList<MapDeclaration> maps;

        public TailCallSlots(IReadOnlyList<ProgramDeclaration> programs, IReadOnlyList<MapDeclaration> maps)
        {
            this.programs = programs;
            this.maps = maps;
        }

        /// <summary>The program now being lowered.</summary>
        public ProgramDeclaration? Caller { get; set; }

        public bool Record(IFieldSymbol map, IMethodSymbol target, SyntaxNode syntax, ProgramLoweringContext caller)
        {
            ProgramDeclaration? declaration = programs.FirstOrDefault(p => SymbolEqualityComparer.Default.Equals(p.Method, target.OriginalDefinition));
            if (declaration is null)
            {
                caller.Report(DiagnosticCatalogue.TailCallTypeMismatch, syntax, target.Name, "not a program method of this class", CallerDescription());
                return false;
            }

            if (Caller != null && (declaration.Type != Caller.Type || declaration.AttachType != Caller.AttachType))
            {
                caller.Report(DiagnosticCatalogue.TailCallTypeMismatch, syntax, target.Name, "a " + Describe(declaration) + " program", CallerDescription());
                return false;
            }

            if (!slots.TryGetValue(map, out List<string>? targets))
            {
                targets = new List<string>();
                slots[map] = targets;
            }

            if (!targets.Contains(declaration.Name))
            {
                targets.Add(declaration.Name);
                MapDeclaration? declared = maps.FirstOrDefault(m => SymbolEqualityComparer.Default.Equals(m.Field, map));
                if (declared != null && targets.Count > declared.Definition.MaxEntries)
                {
                    caller.Report(
                        DiagnosticCatalogue.TooManyTailCallTargets,
                        syntax,
                        map.Name,
                        declared.Definition.MaxEntries,
                        targets.Count,
                        string.Join(", ", targets));
                }
            }

            return true;
        }

        private string CallerDescription() => Caller is null ? "a program" : "a " + Describe(Caller) + " program";

        /// <summary>The PROG_ARRAY definitions with their program slots filled in.</summary>
        public void Apply(IEnumerable<MapDeclaration> declarations)
        {
            foreach (MapDeclaration map in declarations)
            {
                if (slots.TryGetValue(map.Field, out List<string>? targets))
                {
                    map.Definition = map.Definition with { ProgramSlots = targets.Select((name, slot) => new ProgramSlot(slot, name)).ToList() };
                }
            }
        }

        private static string Describe(ProgramDeclaration program) =>
            program.AttachType is AttachType attach ? program.Type + "/" + attach : program.Type.ToString();
    }
}
