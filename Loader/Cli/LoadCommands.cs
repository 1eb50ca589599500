using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Ebpf.Asm;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// <c>load --assembly X.dll [--class NAME] [--pin DIR]</c> and <c>load --image FILE.ebpfimg [--pin DIR]</c>: loads
    /// compiled collections into the kernel and pins their programs and maps so they outlive the process.
    /// </summary>
    public static class LoadCommands
    {
        /// <summary>Where collections are pinned by default: <c>/sys/fs/bpf/ebpf-managed/programs/&lt;Class&gt;</c>.</summary>
        public const string DefaultPinRoot = "/sys/fs/bpf/ebpf-managed/programs";

        /// <summary>The <c>load</c> command.</summary>
        public static Command Build(Terminal terminal)
        {
            var assembly = new Option<FileInfo?>("--assembly") { Description = "A built program assembly whose embedded images to load (read as data; its code never runs)." };
            var image = new Option<FileInfo?>("--image") { Description = "A collection image written by ebpf-compile (<Class>.ebpfimg)." };
            var programClass = new Option<string?>("--class") { Description = "Load only this program class of the assembly (full or simple name)." };
            var pin = new Option<DirectoryInfo?>("--pin") { Description = $"Pin directory (default {DefaultPinRoot}/<Class>; with several classes, DIR/<Class>)." };
            var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
            var command = new Command("load", "Load compiled eBPF collections into the kernel and pin them.") { assembly, image, programClass, pin, json };
            command.Validators.Add(result =>
            {
                bool hasAssembly = result.Given(assembly);
                bool hasImage = result.Given(image);
                if (hasAssembly == hasImage)
                {
                    result.AddError("give exactly one of --assembly X.dll or --image FILE.ebpfimg");
                }
                else if (hasImage && result.Given(programClass))
                {
                    result.AddError("--class selects a class of an --assembly; an --image holds one class");
                }
            });
            command.SetAction(parse =>
            {
                List<KeyValuePair<string, CollectionImage>> collections = parse.GetValue(assembly) is FileInfo dll
                    ? CollectionImageFiles.FromAssembly(dll.FullName, parse.GetValue(programClass)).ToList()
                    : new List<KeyValuePair<string, CollectionImage>>
                    {
                        new(Path.GetFileNameWithoutExtension(parse.GetValue(image)!.Name), CollectionImageFiles.FromFile(parse.GetValue(image)!.FullName)),
                    };
                string? pinRoot = parse.GetValue(pin)?.FullName;
                var loaded = new List<LoadedCollectionRow>();
                foreach (KeyValuePair<string, CollectionImage> collection in collections)
                {
                    string name = CollectionImageFiles.SimpleName(collection.Key);
                    string directory = pinRoot is null ? Path.Combine(DefaultPinRoot, name)
                        : collections.Count == 1 ? pinRoot
                        : Path.Combine(pinRoot, name);
                    try
                    {
                        loaded.Add(KernelAccess.Run(() => PinnedCollectionLoader.Load(collection.Key, collection.Value, directory)));
                    }
                    catch
                    {
                        // All or nothing: the classes loaded before this one are unpinned again.
                        loaded.ForEach(PinnedCollectionLoader.Unpin);
                        throw;
                    }
                }

                if (parse.GetValue(json))
                {
                    terminal.WriteJson(loaded);
                    return 0;
                }

                var table = new TextTable("CLASS", "KIND", "NAME", "ID", "TYPE", "VERIFIED", "PIN");
                foreach (LoadedCollectionRow row in loaded)
                {
                    foreach (LoadedProgramRow program in row.Programs)
                    {
                        table.Add(CollectionImageFiles.SimpleName(row.Class), "prog", program.Name, program.Id.ToString(), program.Type, program.VerifiedInsns.ToString(), program.Pin);
                    }

                    foreach (LoadedMapRow map in row.Maps)
                    {
                        table.Add(CollectionImageFiles.SimpleName(row.Class), "map", map.Name, map.Id.ToString(), map.Type, "-", map.Pin);
                    }
                }

                table.Write(terminal.Output);
                return 0;
            });
            return command;
        }
    }
}
