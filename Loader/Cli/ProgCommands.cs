using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using Ebpf.Loader.Programs;

namespace Ebpf.Loader.Cli
{
    /// <summary><c>prog list</c>: every program in the kernel, like <c>bpftool prog show</c>.</summary>
    public static class ProgCommands
    {
        /// <summary>The <c>prog</c> command and its subcommands.</summary>
        public static Command Build(Terminal terminal)
        {
            var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
            var list = new Command("list", "List every BPF program loaded in the kernel.") { json };
            list.Aliases.Add("show");
            list.SetAction(parse =>
            {
                IReadOnlyList<ProgramInfo> programs = KernelAccess.Run(KernelObjects.Programs);
                if (parse.GetValue(json))
                {
                    terminal.WriteJson(programs.Select(ProgramRow.From));
                    return 0;
                }

                var table = new TextTable("ID", "TYPE", "NAME", "TAG", "LOADED", "XLATED", "JITED", "VERIFIED", "MAPS");
                foreach (ProgramInfo program in programs)
                {
                    table.Add(
                        program.Id.ToString(),
                        TextTable.Kernel(program.Type.ToString()),
                        program.Name.Length == 0 ? "-" : program.Name,
                        program.Tag,
                        program.LoadTime.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss"),
                        $"{program.TranslatedSize}B",
                        $"{program.JitedSize}B",
                        program.VerifiedInstructions.ToString(),
                        program.MapIds.Count == 0 ? "-" : string.Join(",", program.MapIds));
                }

                table.Write(terminal.Output);
                return 0;
            });

            var command = new Command("prog", "Inspect BPF programs in the kernel.") { list, ProgDumpCommand.Build(terminal) };
            return command;
        }

        /// <summary>One program as <c>prog list --json</c> prints it.</summary>
        public sealed record ProgramRow(
            uint Id,
            string Type,
            string Name,
            string Tag,
            string LoadTime,
            uint Uid,
            int BytesXlated,
            int BytesJited,
            uint VerifiedInsns,
            IReadOnlyList<uint> MapIds,
            uint BtfId,
            bool GplCompatible)
        {
            /// <summary>Builds the row from kernel info.</summary>
            public static ProgramRow From(ProgramInfo info) => new ProgramRow(
                info.Id,
                TextTable.Kernel(info.Type.ToString()),
                info.Name,
                info.Tag,
                info.LoadTime.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ"),
                info.CreatedByUid,
                info.TranslatedSize,
                info.JitedSize,
                info.VerifiedInstructions,
                info.MapIds,
                info.BtfId,
                info.GplCompatible);
        }
    }
}
