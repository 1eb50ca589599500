using System;
using System.CommandLine;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.RootArray;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// <c>slot load IFACE SLOT PROGRAM [--assembly X.dll] [--json]</c> and <c>slot unload IFACE SLOT [--json]</c>: put
    /// a DSL slot program into a slot of an interface's root array, or empty the slot (<see cref="XdpRootArray.LoadSlot(string, int, CollectionImage, string?)"/>).
    /// </summary>
    public static class SlotCommands
    {
        /// <summary>The <c>slot</c> command with its two subcommands.</summary>
        public static Command Build(Terminal terminal) =>
            new Command("slot", "Load a slot program into a slot of an interface's root array, or unload it.") { Load(terminal), Unload(terminal) };

        /// <summary><c>slot load IFACE SLOT PROGRAM [--assembly X.dll] [--json]</c>.</summary>
        public static Command Load(Terminal terminal)
        {
            var name = new Argument<string>("interface") { Description = "An interface with a root array attached." };
            var slot = new Argument<int>("slot") { Description = "The slot, 0..N-1 (the program may declare another default slot)." }.InRange(0, RootArrayImage.MaxSlots - 1);
            var program = new Argument<string>("program") { Description = "The slot program's method name, e.g. Filter or Sampler." };
            var assembly = new Option<string?>("--assembly") { Description = "A program assembly to take it from (default: the shipped Ebpf.Programs)." };
            var json = new Option<bool>("--json") { Description = "Print what was loaded as JSON." };
            var command = new Command("load", "Link a slot program for a slot, load it (its maps pinned in the interface's directory) and swap it into the slot atomically; counters carry on.")
            {
                name, slot, program, assembly, json,
            };
            command.SetAction(parse =>
            {
                string interfaceName = parse.GetValue(name)!;
                string programName = parse.GetValue(program)!;
                CollectionImage image = SlotProgramCatalog.Find(programName, parse.GetValue(assembly));
                SlotLoadResult result;
                try
                {
                    result = RootArrayCommands.Run(() => XdpRootArray.LoadSlot(interfaceName, parse.GetValue(slot), image, programName));
                }
                catch (CollectionException error)
                {
                    throw new CliException($"{programName}: {error.Message}"); // e.g. a map pinned by an older version with another shape
                }

                if (parse.GetValue(json))
                {
                    terminal.WriteJson(result);
                    return 0;
                }

                string replaced = result.ReplacedProgramId is uint old ? $", replacing program id {old}" : "";
                terminal.Output.WriteLine($"Slot {result.Slot} of interface {interfaceName}: {result.ProgramName} (program id {result.ProgramId}){replaced}.");
                foreach (string pin in result.MapPins)
                {
                    terminal.Output.WriteLine($"  map pinned at {pin}");
                }

                return 0;
            });
            return command;
        }

        /// <summary><c>slot unload IFACE SLOT [--json]</c>.</summary>
        public static Command Unload(Terminal terminal)
        {
            var name = new Argument<string>("interface") { Description = "An interface with a root array attached." };
            var slot = new Argument<int>("slot") { Description = "The slot to empty." }.InRange(0, RootArrayImage.MaxSlots - 1);
            var json = new Option<bool>("--json") { Description = "Print the outcome as JSON." };
            var command = new Command("unload", "Empty a slot of an interface's root array: its frames go on to the next slot. The program's map pins stay until detach.")
            {
                name, slot, json,
            };
            command.SetAction(parse =>
            {
                string interfaceName = parse.GetValue(name)!;
                int index = parse.GetValue(slot);
                bool unloaded = RootArrayCommands.Run(() => XdpRootArray.UnloadSlot(interfaceName, index));
                if (parse.GetValue(json))
                {
                    terminal.WriteJson(new { Interface = interfaceName, Slot = index, Unloaded = unloaded });
                    return 0;
                }

                terminal.Output.WriteLine(unloaded
                    ? $"Slot {index} of interface {interfaceName} emptied."
                    : $"Slot {index} of interface {interfaceName} was already empty.");
                return 0;
            });
            return command;
        }
    }
}
