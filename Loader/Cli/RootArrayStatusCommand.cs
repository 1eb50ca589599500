using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Ebpf.Loader.Links;
using Ebpf.Loader.RootArray;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// <c>status [IFACE…] [--json]</c>: ecbpf's <c>xdp_root_loader --status</c> table (with "Interface" spelled
    /// right), one block per interface, plus a <c>root</c> row for the root program itself.
    /// </summary>
    public static class RootArrayStatusCommand
    {
        private const string Header =
            "SLOT | ID    | NAME                     | LOAD TIME                            | XDP_ABORTED      | XDP_DROP         | XDP_PASS         | XDP_TX           | XDP_REDIRECT     | XDP_INVALID_ACTION";

        /// <summary>The <c>status</c> command.</summary>
        public static Command Build(Terminal terminal)
        {
            var names = new Argument<string[]>("interface") { Description = "Interfaces to show (default: every one with a root array).", Arity = ArgumentArity.ZeroOrMore };
            var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
            var watch = new Option<bool>("--watch") { Description = "Refresh every second with per-second rates instead of totals (Ctrl+C stops)." };
            var count = new Option<int>("--count") { Description = "With --watch: stop after this many refreshes (0: never)." }.InRange(0, int.MaxValue);
            var command = new Command("status", "Show the programs in each root array slot and their verdict counters.") { names, json, watch, count };
            command.Validators.Add(result =>
            {
                if (result.IsOn(watch) && result.IsOn(json))
                {
                    result.AddError("--watch prints tables that refresh; it cannot be combined with --json (run status --json repeatedly)");
                }
                else if (result.Given(count) && !result.IsOn(watch))
                {
                    result.AddError("--count only applies to --watch");
                }
            });
            command.SetAction(parse =>
            {
                string[] requested = parse.GetValue(names) ?? Array.Empty<string>();
                var errors = new List<string>();
                var statuses = Read(requested, errors);
                if (parse.GetValue(watch))
                {
                    if (errors.Count > 0)
                    {
                        throw new CliException(errors[0]);
                    }

                    return RootArrayStatusWatch.Run(terminal, requested, parse.GetValue(count), TimeSpan.FromSeconds(1));
                }

                if (parse.GetValue(json))
                {
                    terminal.WriteJson(statuses.Select(s => InterfaceJson.From(s.Name, s.Status)));
                }
                else if (statuses.Count == 0 && errors.Count == 0)
                {
                    terminal.Output.WriteLine("No root array is attached to any interface.");
                }
                else
                {
                    foreach ((string name, RootArrayStatus? status) in statuses)
                    {
                        Write(terminal.Output, name, status);
                    }
                }

                errors.ForEach(message => terminal.Error.WriteLine($"{CommandLine.Name}: {message}"));
                return errors.Count == 0 ? 0 : 1;
            });
            return command;
        }

        /// <summary>
        /// The status of each named interface, or of every interface with a root array when none is named (directories
        /// under /sys/fs/bpf/ebpf-managed that hold no root array, such as <c>programs</c> of <c>load</c>, are skipped).
        /// A named interface that has no root array pins and does not exist in this network namespace is not shown: its
        /// error goes to <paramref name="errors"/> (the command then exits 1, with or without --json), and so does a
        /// name that cannot be an interface name.
        /// </summary>
        internal static List<(string Name, RootArrayStatus? Status)> Read(string[] requested, List<string>? errors = null)
        {
            if (requested.Length == 0)
            {
                return RootArrayCommands.Run(XdpRootArray.Interfaces)
                    .Select(i => (Name: i, Status: RootArrayCommands.Run(() => XdpRootArray.Status(i))))
                    .Where(s => s.Status is not null)
                    .ToList();
            }

            var statuses = new List<(string Name, RootArrayStatus? Status)>();
            foreach (string name in requested.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    RootArrayStatus? status = RootArrayCommands.Run(() => XdpRootArray.Status(name));
                    if (status is null && !Exists(name))
                    {
                        throw new CliException($"no network interface named '{name}'");
                    }

                    statuses.Add((name, status));
                }
                catch (CliException error) when (errors is not null)
                {
                    errors.Add(error.Message);
                }
            }

            return statuses;
        }

        private static bool Exists(string interfaceName)
        {
            try
            {
                NetworkInterfaces.IndexOf(interfaceName);
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        /// <summary>Writes one interface's block: heading, then the table or the "not attached" line, then a blank line.</summary>
        public static void Write(TextWriter output, string interfaceName, RootArrayStatus? status, string heading = "status:")
        {
            output.WriteLine($"Interface {interfaceName} {heading}");
            if (status is null)
            {
                output.WriteLine($"Root array not attached to interface {interfaceName}.");
            }
            else
            {
                if (!status.Attached)
                {
                    output.WriteLine($"Root array pinned but no longer attached to interface {interfaceName} (stale pins: run detach).");
                }

                output.WriteLine(Header);
                output.WriteLine(Row("root", status.Root));
                foreach (SlotStatus slot in status.Slots)
                {
                    output.WriteLine(Row(slot.Slot!.Value.ToString(CultureInfo.InvariantCulture), slot));
                }
            }

            output.WriteLine();
        }

        private static string Row(string slot, SlotStatus row)
        {
            VerdictCounters c = row.Counters;
            string id = row.ProgramId?.ToString(CultureInfo.InvariantCulture) ?? "-";
            string loaded = row.LoadTime is { } time ? RootArrayCommands.LoadTime(time) : "-";
            return string.Format(
                CultureInfo.InvariantCulture,
                "{0,4} | {1,5} | {2,-24} | {3,-36} | {4,16} | {5,16} | {6,16} | {7,16} | {8,16} | {9,16}",
                slot, id, row.Name ?? "-", loaded, c.Aborted, c.Drop, c.Pass, c.Tx, c.Redirect, c.InvalidAction);
        }

        /// <summary>One interface as <c>status --json</c> prints it.</summary>
        /// <param name="Interface">The interface name.</param>
        /// <param name="Attached">Whether a root array is attached.</param>
        /// <param name="Stale">True when pins exist but the link no longer attaches them.</param>
        /// <param name="LinkId">The bpf_link id.</param>
        /// <param name="Root">The root program's row.</param>
        /// <param name="Slots">The slot rows.</param>
        public sealed record InterfaceJson(string Interface, bool Attached, bool Stale, uint? LinkId, SlotJson? Root, IReadOnlyList<SlotJson>? Slots)
        {
            /// <summary>Builds the JSON shape of a status (null: not attached).</summary>
            public static InterfaceJson From(string name, RootArrayStatus? status) => status is null
                ? new InterfaceJson(name, false, false, null, null, null)
                : new InterfaceJson(name, status.Attached, !status.Attached, status.LinkId, SlotJson.From(status.Root), status.Slots.Select(SlotJson.From).ToList());
        }

        /// <summary>One row as <c>status --json</c> prints it (slot null for the root).</summary>
        /// <param name="Slot">The slot; null for the root program.</param>
        /// <param name="Id">The program id; null when empty.</param>
        /// <param name="Name">The program name; null when empty.</param>
        /// <param name="LoadTime">The load time in UTC, ISO 8601 (<c>2023-05-03T20:18:12Z</c>); null when empty.</param>
        /// <param name="XdpAborted">XDP_ABORTED count.</param>
        /// <param name="XdpDrop">XDP_DROP count.</param>
        /// <param name="XdpPass">XDP_PASS count.</param>
        /// <param name="XdpTx">XDP_TX count.</param>
        /// <param name="XdpRedirect">XDP_REDIRECT count.</param>
        /// <param name="XdpInvalidAction">Count of return values above XDP_REDIRECT.</param>
        public sealed record SlotJson(int? Slot, uint? Id, string? Name, string? LoadTime, ulong XdpAborted, ulong XdpDrop, ulong XdpPass, ulong XdpTx, ulong XdpRedirect, ulong XdpInvalidAction)
        {
            /// <summary>Builds the row.</summary>
            public static SlotJson From(SlotStatus row) => new SlotJson(
                row.Slot,
                row.ProgramId,
                row.Name,
                row.LoadTime?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                row.Counters.Aborted,
                row.Counters.Drop,
                row.Counters.Pass,
                row.Counters.Tx,
                row.Counters.Redirect,
                row.Counters.InvalidAction);
        }
    }
}
