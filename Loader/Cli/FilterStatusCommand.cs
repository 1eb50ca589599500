using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Ebpf.Loader.Filter;
using Ebpf.Programs.Filter;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// <c>filter status --interface A,B [--json]</c>: ecbpf's <c>xdp_filter --status</c> text (Current Configuration,
    /// Drop Maps with tags, Stats summed over CPUs) for each interface, or JSON. An interface without the filter gets
    /// a one-line error and exit code 1; the others are still printed.
    /// </summary>
    public static class FilterStatusCommand
    {
        /// <summary>The <c>filter status</c> command.</summary>
        public static Command Build(Terminal terminal)
        {
            var names = new Option<string[]>("--interface", "-i")
            {
                Description = "Interfaces, comma separated (or the option repeated).",
                Required = true,
                AllowMultipleArgumentsPerToken = true,
            };
            var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
            var command = new Command("status", "Show the filter's configuration, drop lists and counters.") { names, json };
            command.SetAction(parse =>
            {
                string[] interfaces = parse.GetValue(names)!
                    .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .Distinct(StringComparer.Ordinal)
                    .ToArray();
                if (interfaces.Length == 0)
                {
                    throw new CliException("--interface: no interface name given (e.g. --interface eth0 or --interface eth0,eth1)", CommandLine.UsageError);
                }

                var statuses = new List<FilterStatus>();
                var errors = new List<string>();
                foreach (string name in interfaces)
                {
                    try
                    {
                        statuses.Add(FilterCommands.Run(() => FilterControl.Status(name)));
                    }
                    catch (CliException error)
                    {
                        errors.Add(error.Message);
                    }
                }

                if (parse.GetValue(json))
                {
                    terminal.WriteJson(statuses.Select(StatusJson.From));
                }
                else
                {
                    for (int i = 0; i < statuses.Count; i++)
                    {
                        if (i > 0)
                        {
                            terminal.Output.WriteLine();
                        }

                        Write(terminal.Output, statuses[i]);
                    }
                }

                errors.ForEach(message => terminal.Error.WriteLine($"{CommandLine.Name}: {message}"));
                return errors.Count == 0 ? 0 : 1;
            });
            return command;
        }

        /// <summary>One interface's block, as ecbpf prints it.</summary>
        public static void Write(TextWriter output, FilterStatus status)
        {
            ArgumentNullException.ThrowIfNull(output);
            ArgumentNullException.ThrowIfNull(status);
            output.WriteLine($"=================== Status for interface '{status.Interface}' ===================");
            WriteSettings(output, status.Settings);
            WriteDrops(output, status);
            output.WriteLine($"Stats for interface '{status.Interface}':");
            output.WriteLine();
            foreach ((string name, ulong value) in Counters(status.Stats))
            {
                output.WriteLine($"{name}: {value}");
            }
        }

        /// <summary>The "Current Configuration" block.</summary>
        public static void WriteSettings(TextWriter output, FilterSettings settings)
        {
            ArgumentNullException.ThrowIfNull(output);
            ArgumentNullException.ThrowIfNull(settings);
            output.WriteLine("Current Configuration:");
            output.WriteLine();
            output.WriteLine($"frags_drop? {(settings.FragsDrop ? "true" : "false")}");
            output.WriteLine($"ptb_send? {(settings.PtbSend ? "true" : "false")}");
            output.WriteLine($"ptb_max_pps: {settings.PtbMaxPps}");
            output.WriteLine();
        }

        /// <summary>The "Drop Maps" block: one line per entry with its tag and load time.</summary>
        public static void WriteDrops(TextWriter output, FilterStatus status)
        {
            ArgumentNullException.ThrowIfNull(output);
            ArgumentNullException.ThrowIfNull(status);
            output.WriteLine($"Drop Maps for interface '{status.Interface}':");
            output.WriteLine();
            foreach (FilterDropRule rule in status.Drops)
            {
                output.WriteLine($"Address: {rule.Prefix}\tTag: {rule.Tag}\tLoad Time: {RootArrayCommands.LoadTime(rule.LoadTime)}");
            }

            output.WriteLine();
        }

        /// <summary>The nine counters with ecbpf's names, in ecbpf's order.</summary>
        public static IReadOnlyList<(string Name, ulong Value)> Counters(FilterStats stats) => new[]
        {
            ("eth_frame_err", stats.EthFrameErr),
            ("ip_header_err", stats.IpHeaderErr),
            ("ip6_header_err", stats.Ip6HeaderErr),
            ("ip_drop_count", stats.IpDropCount),
            ("ip6_drop_count", stats.Ip6DropCount),
            ("ip_frag_drop_count", stats.IpFragDropCount),
            ("ptb_sent_count", stats.PtbSentCount),
            ("ptb_err_count", stats.PtbErrCount),
            ("ptb_mem_err_count", stats.PtbMemErrCount),
        };

        /// <summary>One interface in <c>--json</c> output.</summary>
        public sealed record StatusJson(string Interface, int Slot, uint ProgramId, SettingsJson Configuration, IReadOnlyList<DropJson> SourceDrops, IReadOnlyDictionary<string, ulong> Stats)
        {
            /// <summary>The JSON shape of <paramref name="status"/>.</summary>
            public static StatusJson From(FilterStatus status) => new(
                status.Interface,
                status.Slot,
                status.ProgramId,
                new SettingsJson(status.Settings.FragsDrop, status.Settings.PtbSend, status.Settings.PtbMaxPps),
                status.Drops.Select(rule => new DropJson(rule.Prefix.Address.ToString(), rule.Prefix.Length, rule.Tag, rule.LoadTime.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))).ToList(),
                Counters(status.Stats).ToDictionary(counter => counter.Name, counter => counter.Value));
        }

        /// <summary>The configuration in <c>--json</c> output.</summary>
        public sealed record SettingsJson(bool FragsDrop, bool PtbSend, uint PtbMaxPps);

        /// <summary>A drop-list entry in <c>--json</c> output; the load time in UTC, ISO 8601 (as <c>status --json</c>).</summary>
        public sealed record DropJson(string Address, int PrefixLen, string Tag, string LoadTime);
    }
}
