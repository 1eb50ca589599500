using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using Ebpf.Loader.Filter;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// <c>filter status|config|drop add|drop del|drop list|clear</c>: the XDP filter of an interface (see
    /// <see cref="FilterControl"/>), in ecbpf's <c>xdp_filter</c> words. Every command needs the filter in a slot of
    /// the interface's root array and says how to get it there otherwise.
    /// </summary>
    public static class FilterCommands
    {
        /// <summary>The <c>filter</c> command and its subcommands.</summary>
        public static Command Build(Terminal terminal)
        {
            var drop = new Command("drop", "Add, remove or list source prefixes the filter drops.")
            {
                DropAdd(terminal), DropDelete(terminal), DropList(terminal),
            };
            return new Command("filter", "The XDP filter (a root array slot program): configuration, source drop lists, counters.")
            {
                FilterStatusCommand.Build(terminal), Config(terminal), drop, Clear(terminal),
            };
        }

        /// <summary><c>filter config --interface A [--frags-drop|--no-frags-drop] [--ptb-send|--no-ptb-send] [--ptb-max-pps N]</c>.</summary>
        public static Command Config(Terminal terminal)
        {
            Option<string> name = InterfaceOption();
            var fragsDrop = new Option<bool>("--frags-drop") { Description = "Count and drop IPv4 fragments." };
            var noFragsDrop = new Option<bool>("--no-frags-drop") { Description = "Let IPv4 fragments pass." };
            var ptbSend = new Option<bool>("--ptb-send") { Description = "Answer first fragments with ICMP \"fragmentation needed\" (with --frags-drop)." };
            var noPtbSend = new Option<bool>("--no-ptb-send") { Description = "Send no \"fragmentation needed\" replies." };
            var maxPps = new Option<uint?>("--ptb-max-pps") { Description = "At most this many replies per second, across CPUs." };
            var command = new Command("config", "Change the filter's configuration on an interface, then print it (no option: just print it).")
            {
                name, fragsDrop, noFragsDrop, ptbSend, noPtbSend, maxPps,
            };
            command.Validators.Add(result =>
            {
                Exclusive(result, fragsDrop, noFragsDrop);
                Exclusive(result, ptbSend, noPtbSend);
            });
            command.SetAction(parse =>
            {
                string interfaceName = parse.GetValue(name)!;
                var change = new FilterSettingsChange(
                    Switch(parse.GetValue(fragsDrop), parse.GetValue(noFragsDrop)),
                    Switch(parse.GetValue(ptbSend), parse.GetValue(noPtbSend)),
                    parse.GetValue(maxPps));
                FilterSettings settings = change.IsEmpty
                    ? Run(() => FilterControl.Status(interfaceName)).Settings
                    : Run(() => FilterControl.Configure(interfaceName, change));
                FilterStatusCommand.WriteSettings(terminal.Output, settings);
                return 0;
            });
            return command;
        }

        /// <summary><c>filter drop add CIDR --interface A [--tag TEXT]</c>.</summary>
        public static Command DropAdd(Terminal terminal)
        {
            Argument<IpPrefix> prefix = PrefixArgument();
            Option<string> name = InterfaceOption();
            var tag = new Option<string>("--tag") { Description = $"A note for operators (at most 32 UTF-8 bytes; default '{FilterControl.DefaultTag}')." };
            var command = new Command("add", "Drop packets from a source prefix (an existing entry gets the new tag).") { prefix, name, tag };
            command.SetAction(parse =>
            {
                string interfaceName = parse.GetValue(name)!;
                IpPrefix value = parse.GetValue(prefix)!;
                CheckTag(parse.GetValue(tag));
                FilterDropRule rule = Run(() => FilterControl.AddDrop(interfaceName, value, parse.GetValue(tag)));
                terminal.Output.WriteLine($"Dropping {rule.Prefix} on interface '{interfaceName}' (tag: {rule.Tag}).");
                return 0;
            });
            return command;
        }

        /// <summary><c>filter drop del CIDR --interface A</c>.</summary>
        public static Command DropDelete(Terminal terminal)
        {
            Argument<IpPrefix> prefix = PrefixArgument();
            Option<string> name = InterfaceOption();
            var command = new Command("del", "Stop dropping packets from a source prefix (exactly as it was added).") { prefix, name };
            command.Aliases.Add("delete");
            command.SetAction(parse =>
            {
                string interfaceName = parse.GetValue(name)!;
                IpPrefix value = parse.GetValue(prefix)!;
                Run(() =>
                {
                    FilterControl.DeleteDrop(interfaceName, value);
                    return 0;
                });
                terminal.Output.WriteLine($"No longer dropping {value} on interface '{interfaceName}'.");
                return 0;
            });
            return command;
        }

        /// <summary><c>filter drop list --interface A</c>.</summary>
        public static Command DropList(Terminal terminal)
        {
            Option<string> name = InterfaceOption();
            var command = new Command("list", "Print the drop lists (as in filter status).") { name };
            command.SetAction(parse =>
            {
                FilterStatus status = Run(() => FilterControl.Status(parse.GetValue(name)!));
                FilterStatusCommand.WriteDrops(terminal.Output, status);
                return 0;
            });
            return command;
        }

        /// <summary><c>filter clear --interface A</c>.</summary>
        public static Command Clear(Terminal terminal)
        {
            Option<string> name = InterfaceOption();
            var command = new Command("clear", "Empty both drop lists of an interface.") { name };
            command.SetAction(parse =>
            {
                string interfaceName = parse.GetValue(name)!;
                (int v4, int v6) = Run(() => FilterControl.Clear(interfaceName));
                terminal.Output.WriteLine($"Clearing IPv4 trie for interface '{interfaceName}': {v4} {(v4 == 1 ? "entry" : "entries")} removed.");
                terminal.Output.WriteLine($"Clearing IPv6 trie for interface '{interfaceName}': {v6} {(v6 == 1 ? "entry" : "entries")} removed.");
                return 0;
            });
            return command;
        }

        /// <summary>Runs a filter operation, turning its user errors into one-line CLI errors (exit 1).</summary>
        internal static T Run<T>(Func<T> operation)
        {
            try
            {
                return KernelAccess.Run(operation);
            }
            catch (FilterException error)
            {
                throw new CliException(error.Message);
            }
        }

        /// <summary>
        /// A tag is printed between tabs on one line (ecbpf's <c>Address: …\tTag: …\tLoad Time: …</c>): control characters
        /// would break that line, and more than 32 UTF-8 bytes do not fit the map value. Both are usage errors (exit 2).
        /// </summary>
        private static void CheckTag(string? tag)
        {
            if (tag is null)
            {
                return;
            }

            if (tag.Any(char.IsControl))
            {
                throw new CliException("--tag: a tag is one line of text: no tabs, newlines or other control characters", CommandLine.UsageError);
            }

            int bytes = System.Text.Encoding.UTF8.GetByteCount(tag);
            if (bytes > Ebpf.Programs.Filter.FilterDropEntry.TagBytes)
            {
                throw new CliException($"--tag: the tag '{tag}' is {bytes} UTF-8 bytes; at most {Ebpf.Programs.Filter.FilterDropEntry.TagBytes}", CommandLine.UsageError);
            }
        }

        private static Option<string> InterfaceOption() =>
            new("--interface", "-i") { Description = "The network interface.", Required = true };

        private static Argument<IpPrefix> PrefixArgument() =>
            new("CIDR")
            {
                Description = "A source prefix, e.g. 198.51.100.0/24 or 2001:db8::/32 (a bare address is a /32 or /128).",
                CustomParser = result =>
                {
                    string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                    try
                    {
                        return IpPrefix.Parse(text);
                    }
                    catch (FormatException error)
                    {
                        result.AddError($"CIDR: {error.Message}");
                        return null;
                    }
                },
            };

        private static bool? Switch(bool on, bool off) => on ? true : off ? false : null;

        private static void Exclusive(CommandResult result, Option<bool> on, Option<bool> off)
        {
            if (result.IsOn(on) && result.IsOn(off))
            {
                result.AddError($"{on.Name} and {off.Name} contradict each other");
            }
        }
    }
}
