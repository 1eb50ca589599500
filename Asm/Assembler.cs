using System;
using System.Collections.Generic;

namespace Ebpf.Asm
{
    /// <summary>
    /// Reads eBPF assembly in the syntax <c>llvm-mc -triple bpfel</c> accepts (and <see cref="Disassembler"/> prints),
    /// with labels, comments and symbolic map and program references, into a <see cref="ProgramImage"/>.
    /// </summary>
    /// <remarks>
    /// Extensions beyond llvm-mc: <c>r1 = map[NAME] ll</c> (a <see cref="RelocationKind.MapFd"/> relocation),
    /// <c>r1 = map_value[NAME] + 8 ll</c> (<see cref="RelocationKind.MapValue"/> with addend), <c>r1 = NAME ll</c>
    /// (a function address when NAME is a label, else a map fd relocation), <c>r3 = slot[PROGRAM]</c>
    /// (<see cref="RelocationKind.ProgramSlot"/>), <c>call bpf_map_lookup_elem</c> (a helper by name), <c>call pc+N</c>, <c>call kfunc N</c>, <c>skb[rN + imm]</c>, and
    /// comments starting with <c>;</c> or <c>//</c> as well as <c>#</c>. See docs/asm.md.
    /// </remarks>
    public static class Assembler
    {
        /// <summary>
        /// Assembles <paramref name="source"/> into a program named <paramref name="name"/>. Every instruction gets a
        /// source map entry pointing at its line in <paramref name="file"/>. Throws <see cref="AssemblyException"/>
        /// listing every error found.
        /// </summary>
        public static ProgramImage Assemble(string source, string name, ProgramType type, string file = "<asm>")
        {
            if (source is null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            var errors = new List<AssemblyError>();
            var statements = new List<ParsedStatement>();
            var sourceMap = new List<SourceMapEntry>();
            var labels = new Dictionary<string, int>(StringComparer.Ordinal);
            var referenceLines = new List<int>();
            string[] lines = source.Split('\n');
            for (int lineIndex = 0; lineIndex < lines.Length; lineIndex++)
            {
                string line = lines[lineIndex].TrimEnd('\r');
                int lineNumber = lineIndex + 1;
                string code = line.Substring(0, AsmLexer.CodeLength(line));
                if (IsLayoutDirective(code))
                {
                    continue;
                }

                var tokens = new List<AsmToken>();
                if (!AsmLexer.TryTokenize(code, tokens, out int badColumn))
                {
                    errors.Add(new AssemblyError(file, lineNumber, badColumn, "unexpected character '" + code[badColumn - 1] + "'"));
                    continue;
                }

                int start = 0;
                while (tokens[start].Kind == AsmTokenKind.Identifier && tokens[start + 1].Is(":"))
                {
                    AsmToken label = tokens[start];
                    if (labels.ContainsKey(label.Text))
                    {
                        errors.Add(new AssemblyError(file, lineNumber, label.Column, "label '" + label.Text + "' is defined twice"));
                    }
                    else
                    {
                        labels[label.Text] = statements.Count;
                    }

                    start += 2;
                }

                if (tokens[start].Kind == AsmTokenKind.End)
                {
                    continue;
                }

                int before = statements.Count;
                try
                {
                    new StatementParser(tokens, start).Parse(statements);
                }
                catch (AsmSyntaxException error)
                {
                    errors.Add(new AssemblyError(file, lineNumber, error.Column, error.Message));
                    statements.RemoveRange(before, statements.Count - before);
                    continue;
                }

                for (int i = before; i < statements.Count; i++)
                {
                    sourceMap.Add(new SourceMapEntry(i, new SourceLocation(file, lineNumber, tokens[start].Column, line.Trim())));
                    referenceLines.Add(lineNumber);
                }
            }

            var instructions = new Instruction[statements.Count];
            var slots = new int[statements.Count + 1];
            for (int i = 0; i < statements.Count; i++)
            {
                slots[i + 1] = slots[i] + statements[i].Instruction.Slots;
            }

            var relocations = new List<Relocation>();
            for (int i = 0; i < statements.Count; i++)
            {
                ParsedStatement statement = statements[i];
                try
                {
                    instructions[i] = Resolve(statement, i, slots, labels, relocations);
                }
                catch (AsmSyntaxException error)
                {
                    errors.Add(new AssemblyError(file, referenceLines[i], error.Column, error.Message));
                }
            }

            if (errors.Count > 0)
            {
                errors.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
                throw new AssemblyException(errors);
            }

            return new ProgramImage(name, type, instructions)
            {
                Relocations = relocations,
                SourceMap = sourceMap,
            };
        }

        /// <summary>
        /// Directives <c>clang -S</c> writes around code that do not change the instruction stream
        /// (<c>.text</c>, <c>.globl</c>, <c>.p2align</c>, <c>.type f,@function</c>, <c>.size</c>, <c>.file</c>, <c>.addrsig</c>).
        /// </summary>
        private static bool IsLayoutDirective(string code)
        {
            string trimmed = code.Trim();
            int end = 0;
            while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
            {
                end++;
            }

            switch (trimmed.Substring(0, end).ToLowerInvariant())
            {
                case ".text":
                case ".globl":
                case ".global":
                case ".local":
                case ".p2align":
                case ".type":
                case ".size":
                case ".file":
                case ".addrsig":
                    return true;
                default:
                    return false;
            }
        }

        private static Instruction Resolve(ParsedStatement statement, int index, int[] slots, Dictionary<string, int> labels, List<Relocation> relocations)
        {
            Instruction instruction = statement.Instruction;
            string symbol = statement.Symbol ?? string.Empty;
            switch (statement.Use)
            {
                case SymbolUse.None:
                    return instruction;
                case SymbolUse.MapFd:
                    relocations.Add(new Relocation(index, RelocationKind.MapFd, symbol));
                    return instruction;
                case SymbolUse.MapValue:
                    relocations.Add(new Relocation(index, RelocationKind.MapValue, symbol, statement.Addend));
                    return instruction;
                case SymbolUse.ProgramSlot:
                    relocations.Add(new Relocation(index, RelocationKind.ProgramSlot, symbol));
                    return instruction;
                case SymbolUse.CallTarget when !labels.ContainsKey(symbol) && HelperFunctionNames.TryParse(symbol, out HelperFunction helper):
                    return Emit.CallHelper(helper);
                case SymbolUse.FunctionOrMap when !labels.ContainsKey(symbol):
                    relocations.Add(new Relocation(index, RelocationKind.MapFd, symbol));
                    return instruction.WithSource((Register)PseudoSource.MapFd);
            }

            if (!labels.TryGetValue(symbol, out int target))
            {
                throw new AsmSyntaxException(statement.SymbolColumn, "undefined label '" + symbol + "'");
            }

            long distance = (long)slots[target] - slots[index + 1];
            switch (statement.Use)
            {
                case SymbolUse.JumpOffset:
                    if (distance < short.MinValue || distance > short.MaxValue)
                    {
                        throw new AsmSyntaxException(statement.SymbolColumn, "label '" + symbol + "' is " + distance + " slots away; a 16-bit offset reaches ±32767 (use gotol)");
                    }

                    return instruction.WithOffset((short)distance);
                case SymbolUse.FunctionOrMap:
                    // The verifier finds the function at insn_idx + imm + 1: relative to the LD_IMM64's first slot, not its end.
                    long fromFirstSlot = (long)slots[target] - (slots[index] + 1);
                    return instruction.WithSource((Register)PseudoSource.Function).WithConstant((uint)(int)fromFirstSlot);
                default:
                    return instruction.WithConstant(distance);
            }
        }
    }
}
