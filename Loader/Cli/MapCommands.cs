using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;

namespace Ebpf.Loader.Cli
{
    /// <summary><c>map list</c> and <c>map dump</c>.</summary>
    public static class MapCommands
    {
        /// <summary>The <c>map</c> command and its subcommands.</summary>
        public static Command Build(Terminal terminal)
        {
            var command = new Command("map", "Inspect BPF maps in the kernel.") { List(terminal), Dump(terminal) };
            return command;
        }

        private static Command List(Terminal terminal)
        {
            var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
            var list = new Command("list", "List every BPF map in the kernel.") { json };
            list.Aliases.Add("show");
            list.SetAction(parse =>
            {
                IReadOnlyList<MapInfo> maps = KernelAccess.Run(KernelObjects.Maps);
                if (parse.GetValue(json))
                {
                    terminal.WriteJson(maps.Select(MapRow.From));
                    return 0;
                }

                var table = new TextTable("ID", "TYPE", "NAME", "KEY", "VALUE", "MAX_ENTRIES", "FLAGS");
                foreach (MapInfo map in maps)
                {
                    table.Add(
                        map.Id.ToString(),
                        TextTable.Kernel(map.Type.ToString()),
                        map.Name.Length == 0 ? "-" : map.Name,
                        $"{map.KeySize}B",
                        $"{map.ValueSize}B",
                        map.MaxEntries.ToString(),
                        $"0x{map.Flags:x}");
                }

                table.Write(terminal.Output);
                return 0;
            });
            return list;
        }

        private static Command Dump(Terminal terminal)
        {
            var path = new Argument<string?>("pin-path") { Description = "Path of a map pinned in bpffs.", Arity = ArgumentArity.ZeroOrOne };
            var id = new Option<uint?>("--id") { Description = "The map's kernel id (see 'map list')." };
            var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
            var dump = new Command("dump", "Print every key and value of a map (per-CPU values per possible CPU).") { path, id, json };
            dump.Validators.Add(result =>
            {
                bool hasPath = result.Given(path);
                bool hasId = result.Given(id);
                if (hasPath == hasId)
                {
                    result.AddError("give either a pin path or --id N, not both and not neither");
                }
            });
            dump.SetAction(parse =>
            {
                using BpfMap map = KernelAccess.Run(() => Open(parse.GetValue(path), parse.GetValue(id)));
                if (map.Type == MapType.RingBuffer || map.Type == MapType.UserRingBuffer)
                {
                    throw new CliException($"map {map.Id} ({map.Name}) is a ring buffer: it has no keys to dump");
                }

                List<MapEntry> entries = ReadEntries(map);
                if (parse.GetValue(json))
                {
                    terminal.WriteJson(entries);
                }
                else
                {
                    foreach (MapEntry entry in entries)
                    {
                        WriteEntry(terminal, entry);
                    }

                    terminal.Output.WriteLine($"Found {entries.Count} element{(entries.Count == 1 ? string.Empty : "s")}");
                }

                return 0;
            });
            return dump;
        }

        private static BpfMap Open(string? path, uint? id)
        {
            if (id is uint mapId)
            {
                try
                {
                    return BpfMap.OpenById(mapId);
                }
                catch (Sys.BpfException exception) when (exception.Errno == 2)
                {
                    throw new CliException($"no map with id {mapId} (see 'map list')");
                }
            }

            if (!System.IO.File.Exists(path))
            {
                throw new CliException($"'{path}': no such pinned object");
            }

            return BpfMap.Adopt(PinnedObjects.Open(path!, "map"));
        }

        private static List<MapEntry> ReadEntries(BpfMap map)
        {
            var entries = new List<MapEntry>();
            foreach (byte[] key in map.Keys())
            {
                byte[]? value = map.Lookup(key);
                if (value is null)
                {
                    continue; // deleted while we walked, or an empty PROG_ARRAY slot
                }

                if (map.IsPerCpu)
                {
                    int stride = PossibleCpus.Stride(map.ValueSize);
                    var perCpu = Enumerable.Range(0, value.Length / stride)
                        .Select(cpu => new CpuValue(cpu, Hex(value.AsSpan(cpu * stride, map.ValueSize))))
                        .ToList();
                    entries.Add(new MapEntry(Hex(key), null, perCpu));
                }
                else
                {
                    entries.Add(new MapEntry(Hex(key), Hex(value), null));
                }
            }

            return entries;
        }

        private static void WriteEntry(Terminal terminal, MapEntry entry)
        {
            if (entry.Values is null)
            {
                terminal.Output.WriteLine($"key: {entry.Key}  value: {entry.Value}");
                return;
            }

            terminal.Output.WriteLine($"key: {entry.Key}");
            foreach (CpuValue value in entry.Values)
            {
                terminal.Output.WriteLine($"  value (CPU {value.Cpu:00}): {value.Value}");
            }
        }

        private static string Hex(ReadOnlySpan<byte> bytes)
        {
            var parts = new string[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                parts[i] = bytes[i].ToString("x2");
            }

            return string.Join(" ", parts);
        }

        /// <summary>One map row as <c>map list --json</c> prints it.</summary>
        public sealed record MapRow(uint Id, string Type, string Name, int KeySize, int ValueSize, int MaxEntries, uint Flags, uint BtfId)
        {
            /// <summary>Builds the row from kernel info.</summary>
            public static MapRow From(MapInfo info) => new MapRow(
                info.Id, TextTable.Kernel(info.Type.ToString()), info.Name, info.KeySize, info.ValueSize, info.MaxEntries, info.Flags, info.BtfId);
        }

        /// <summary>One element as <c>map dump --json</c> prints it: hex bytes, and per-CPU values where the map has them.</summary>
        public sealed record MapEntry(string Key, string? Value, IReadOnlyList<CpuValue>? Values);

        /// <summary>The value one CPU holds.</summary>
        public sealed record CpuValue(int Cpu, string Value);
    }
}
