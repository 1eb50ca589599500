using System;
using System.CommandLine;
using System.Globalization;
using Ebpf.Loader.Links;
using Ebpf.Loader.RootArray;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// <c>attach</c>, <c>detach</c> and <c>status</c>: the XDP root array of an interface (see
    /// <see cref="XdpRootArray"/>). Detaching an interface without a root array prints a message and exits 0:
    /// like a repeated attach, the wanted state is already there.
    /// </summary>
    public static class RootArrayCommands
    {
        /// <summary>The three commands.</summary>
        public static Command[] Build(Terminal terminal) => new[] { Attach(terminal), Detach(terminal), RootArrayStatusCommand.Build(terminal) };

        /// <summary><c>attach IFACE [--mode native|generic|auto] [--slots N] [--force]</c>.</summary>
        public static Command Attach(Terminal terminal)
        {
            var name = new Argument<string>("interface") { Description = "The network interface, e.g. eth0." };
            var mode = new Option<string>("--mode")
            {
                Description = "native (driver), generic (skb) or auto (native when the driver has it).",
                DefaultValueFactory = _ => "auto",
            };
            mode.AcceptOnlyFromAmong("native", "generic", "auto");
            var slots = new Option<int>("--slots")
            {
                Description = $"Number of slots (1..{RootArrayImage.MaxSlots}).",
                DefaultValueFactory = _ => RootArrayAttachOptions.DefaultSlots,
            }.InRange(1, RootArrayImage.MaxSlots, "the root and its slots stay within the kernel's 33 tail calls");
            var force = new Option<bool>("--force") { Description = "Replace another XDP program attached to the interface." };
            var command = new Command("attach", "Attach the XDP root array to an interface; its state is pinned under /sys/fs/bpf/ebpf-managed/<interface>.")
            {
                name, mode, slots, force,
            };
            command.SetAction(parse =>
            {
                string interfaceName = parse.GetValue(name)!;
                var options = new RootArrayAttachOptions
                {
                    Mode = parse.GetValue(mode) switch { "native" => XdpMode.Native, "generic" => XdpMode.Generic, _ => XdpMode.Default },
                    Slots = parse.GetValue(slots),
                    Force = parse.GetValue(force),
                };
                RootArrayAttachResult result = Run(() => XdpRootArray.Attach(interfaceName, options));
                if (result.RemovedStalePins)
                {
                    terminal.Error.WriteLine($"{CommandLine.Name}: removed stale pins of a root array no longer attached to {interfaceName}");
                }

                if (result.Replaced is not null)
                {
                    terminal.Error.WriteLine($"{CommandLine.Name}: replaced XDP program id {result.Replaced.ProgramId} on {interfaceName}");
                }

                string what = $"{result.Mode.ToString().ToLowerInvariant()} mode, {result.Slots} slots, program id {result.ProgramId}, link id {result.LinkId}";
                terminal.Output.WriteLine(result.AlreadyAttached
                    ? $"Root array already attached to interface {interfaceName} ({what}); nothing to do."
                    : $"Root array attached to interface {interfaceName} ({what}), pinned at {RootArrayPaths.For(interfaceName).Directory}.");
                return 0;
            });
            return command;
        }

        /// <summary><c>detach IFACE</c>.</summary>
        public static Command Detach(Terminal terminal)
        {
            var name = new Argument<string>("interface") { Description = "The network interface." };
            var command = new Command("detach", "Detach the XDP root array from an interface and remove all its pins.") { name };
            command.SetAction(parse =>
            {
                string interfaceName = parse.GetValue(name)!;
                bool detached = Run(() => XdpRootArray.Detach(interfaceName));
                terminal.Output.WriteLine(detached
                    ? $"Root array detached from interface {interfaceName}."
                    : $"Root array not attached to interface {interfaceName}.");
                return 0;
            });
            return command;
        }

        /// <summary>Runs a root array operation, turning its user errors into one-line CLI errors.</summary>
        internal static T Run<T>(Func<T> operation)
        {
            try
            {
                return KernelAccess.Run(operation);
            }
            catch (RootArrayException error)
            {
                throw new CliException(error.Message);
            }
        }

        /// <summary>A load time as ecbpf prints it: <c>Wed, 03 May 2023 20:18:12 +0000</c> (UTC).</summary>
        internal static string LoadTime(DateTimeOffset time) =>
            time.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
    }
}
