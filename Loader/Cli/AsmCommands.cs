using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Ebpf.Asm;

namespace Ebpf.Loader.Cli
{
    /// <summary><c>asm</c> and <c>disasm</c>: text ⇄ raw instruction bytes (8 bytes per slot, little endian).</summary>
    public static class AsmCommands
    {
        /// <summary><c>asm FILE.s [-o FILE.bin]</c>.</summary>
        public static Command Assemble(Terminal terminal)
        {
            var input = new Argument<FileInfo>("file") { Description = "Assembly source (llvm-mc syntax, with labels and map[NAME] references)." };
            var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the bytes (default: FILE with .bin)." };
            var command = new Command("asm", "Assemble eBPF text into raw instruction bytes.") { input, output };
            command.SetAction(parse =>
            {
                FileInfo source = parse.GetValue(input)!;
                string text = ReadText(source);
                ProgramImage image = Ebpf.Asm.Assembler.Assemble(text, Path.GetFileNameWithoutExtension(source.Name), ProgramType.Unspec, source.Name);
                FileInfo target = parse.GetValue(output) ?? new FileInfo(Path.ChangeExtension(source.FullName, ".bin"));
                byte[] bytes = image.Encode();
                WriteBytes(target, bytes);
                foreach (Relocation relocation in image.Relocations)
                {
                    terminal.Error.WriteLine(
                        $"{source.Name}: warning: instruction {relocation.InstructionIndex} refers to '{relocation.Symbol}' ({relocation.Kind}); a .bin keeps it unresolved (immediate 0)");
                }

                terminal.Output.WriteLine($"wrote {image.Instructions.Count} instructions ({bytes.Length} bytes) to {target}");
                return 0;
            });
            return command;
        }

        /// <summary><c>disasm FILE.bin [--json]</c>.</summary>
        public static Command Disassemble(Terminal terminal)
        {
            var input = new Argument<FileInfo>("file") { Description = "Raw instruction bytes (8 bytes per slot)." };
            var json = new Option<bool>("--json") { Description = "Print one JSON object per instruction." };
            var command = new Command("disasm", "Disassemble raw eBPF instruction bytes.") { input, json };
            command.SetAction(parse =>
            {
                FileInfo source = parse.GetValue(input)!;
                byte[] bytes = ReadBytes(source);
                if (bytes.Length % Instruction.SlotSize != 0)
                {
                    throw new CliException($"{source.Name}: {bytes.Length} bytes is not a whole number of 8-byte instructions");
                }

                IReadOnlyList<Instruction> instructions;
                try
                {
                    instructions = InstructionDecoder.Decode(bytes);
                }
                catch (FormatException exception)
                {
                    throw new CliException($"{source.Name}: {exception.Message}");
                }

                var rows = new List<DisassembledInstruction>();
                int offset = 0;
                foreach (Instruction instruction in instructions)
                {
                    int length = instruction.Slots * Instruction.SlotSize;
                    string hex = string.Join(" ", bytes.Skip(offset).Take(length).Select(b => b.ToString("x2")));
                    rows.Add(new DisassembledInstruction(offset / Instruction.SlotSize, hex, Disassembler.Format(instruction)));
                    offset += length;
                }

                if (parse.GetValue(json))
                {
                    terminal.WriteJson(rows);
                }
                else
                {
                    foreach (DisassembledInstruction row in rows)
                    {
                        terminal.Output.WriteLine($"{row.Slot,8}:\t{row.Bytes}\t{row.Text}");
                    }
                }

                return 0;
            });
            return command;
        }

        private static string ReadText(FileInfo file)
        {
            try
            {
                return File.ReadAllText(file.FullName);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot read '{file}': {exception.Message}");
            }
        }

        private static byte[] ReadBytes(FileInfo file)
        {
            try
            {
                return File.ReadAllBytes(file.FullName);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot read '{file}': {exception.Message}");
            }
        }

        private static void WriteBytes(FileInfo file, byte[] bytes)
        {
            try
            {
                File.WriteAllBytes(file.FullName, bytes);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write '{file}': {exception.Message}");
            }
        }
    }
}
