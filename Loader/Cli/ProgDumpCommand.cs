using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// <c>prog dump ID|PIN_PATH [--source IMAGE | --assembly X.dll]</c>: the kernel's translated (xlated) instructions
    /// of a loaded program, disassembled; with the program's image, the C# source lines of its source map interleaved
    /// where the kernel's instructions match the image's (<see cref="TranslatedCodeAlignment"/>).
    /// </summary>
    public static class ProgDumpCommand
    {
        /// <summary>The kernel keeps at most 15 bytes of a program name (BPF_OBJ_NAME_LEN is 16 with the NUL).</summary>
        private const int KernelNameLength = 15;

        /// <summary>The <c>dump</c> subcommand of <c>prog</c>.</summary>
        public static Command Build(Terminal terminal)
        {
            var program = new Argument<string>("program") { Description = "The program's id, or the path where it is pinned in bpffs." };
            var source = new Option<FileInfo?>("--source") { Description = "A collection image (.ebpfimg from ebpf-compile) holding the program: interleave its C# lines." };
            var assembly = new Option<FileInfo?>("--assembly") { Description = "A program assembly whose embedded images hold the program: interleave its C# lines." };
            var json = new Option<bool>("--json") { Description = "Print one JSON object per instruction." };
            var command = new Command("dump", "Disassemble a loaded program's instructions as the kernel keeps them, with C# source lines.") { program, source, assembly, json };
            command.Validators.Add(result =>
            {
                if (result.Given(source) && result.Given(assembly))
                {
                    result.AddError("give at most one of --source IMAGE or --assembly X.dll");
                }
            });
            command.SetAction(parse =>
            {
                string target = parse.GetValue(program)!;
                (ProgramInfo info, IReadOnlyList<Instruction> instructions) = KernelAccess.Run(() => Read(target));
                IEnumerable<CollectionImage> candidates = parse.GetValue(source) is FileInfo image ? new[] { CollectionImageFiles.FromFile(image.FullName) }
                    : parse.GetValue(assembly) is FileInfo dll ? CollectionImageFiles.FromAssembly(dll.FullName).Values
                    : Array.Empty<CollectionImage>();
                ProgramImage? compiled = Find(candidates, info);
                if ((parse.GetValue(source) ?? parse.GetValue(assembly)) is FileInfo given && compiled is null)
                {
                    terminal.Error.WriteLine($"{CommandLine.Name}: warning: '{given.Name}' has no {TextTable.Kernel(info.Type.ToString())} program named '{info.Name}'; showing instructions without source");
                }

                List<DumpedInstruction> rows = Rows(instructions, compiled);
                if (parse.GetValue(json))
                {
                    terminal.WriteJson(rows);
                    return 0;
                }

                terminal.Output.WriteLine($"; program {info.Name} id {info.Id} {TextTable.Kernel(info.Type.ToString())} tag {info.Tag}: {instructions.Count} instructions as translated by the kernel");
                if (compiled is not null && compiled.Instructions.Count != instructions.Count)
                {
                    terminal.Output.WriteLine($"; the image has {compiled.Instructions.Count} instructions: the kernel rewrote some; C# lines follow the matched instructions");
                }

                string? previous = null;
                foreach (DumpedInstruction row in rows)
                {
                    if (row.Source is not null && row.Source != previous)
                    {
                        terminal.Output.WriteLine("; " + row.Source);
                    }

                    previous = row.Source ?? previous;
                    terminal.Output.WriteLine($"{row.Slot,5}:\t{row.Text}");
                }

                return 0;
            });
            return command;
        }

        private static (ProgramInfo Info, IReadOnlyList<Instruction> Instructions) Read(string target)
        {
            bool byId = uint.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out uint id);
            if (!byId && !File.Exists(target))
            {
                throw new CliException($"'{target}' is neither a program id nor a pinned program");
            }

            BpfProgram program;
            try
            {
                program = byId ? BpfProgram.OpenById(id) : BpfProgram.Adopt(PinnedObjects.Open(target, "program"));
            }
            catch (BpfException exception) when (exception.Errno == Errno.ENOENT)
            {
                throw new CliException(byId ? $"no program with id {id}" : $"nothing is pinned at '{target}'");
            }

            using (program)
            {
                return (program.Info(), program.TranslatedInstructions());
            }
        }

        /// <summary>The image's program of the same type whose name (cut to the kernel's 15 bytes) is the kernel's name.</summary>
        private static ProgramImage? Find(IEnumerable<CollectionImage> images, ProgramInfo info) =>
            images.SelectMany(image => image.Programs)
                .FirstOrDefault(p => p.Type == info.Type && Truncate(p.Name) == info.Name);

        private static string Truncate(string name) => name.Length <= KernelNameLength ? name : name.Substring(0, KernelNameLength);

        private static List<DumpedInstruction> Rows(IReadOnlyList<Instruction> instructions, ProgramImage? compiled)
        {
            int[] origins = compiled is null ? Array.Empty<int>() : TranslatedCodeAlignment.Align(instructions, compiled);
            var rows = new List<DumpedInstruction>();
            int slot = 0;
            for (int index = 0; index < instructions.Count; index++)
            {
                SourceLocation? location = compiled is not null && origins[index] >= 0 ? compiled.LocationOf(origins[index]) : null;
                string? text = location is null ? null
                    : $"{location.File}:{location.Line.ToString(CultureInfo.InvariantCulture)}" + (string.IsNullOrWhiteSpace(location.Text) ? string.Empty : ": " + location.Text!.Trim());
                rows.Add(new DumpedInstruction(slot, Disassembler.Format(instructions[index]), text));
                slot += instructions[index].Slots;
            }

            return rows;
        }
    }
}
