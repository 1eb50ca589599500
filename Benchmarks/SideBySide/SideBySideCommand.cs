using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.Programs;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>
    /// <c>side-by-side</c>: loads every program of Programs/ (and the root array) twice — ours through
    /// <see cref="Collection.Load"/>, the clang-built C twin through bpftool — and prints xlated instructions, JITed bytes, verified_insns and ns/packet
    /// with the ratio ours/clang.
    /// </summary>
    internal static class SideBySideCommand
    {
        /// <summary>Runs the command; returns the process exit code.</summary>
        public static int Run(IReadOnlyList<string> arguments)
        {
            SideBySideOptions options = SideBySideOptions.Parse(arguments);
            BpfFs.EnsureMounted();
            string objectDirectory = options.ObjectDirectory ?? Directory.CreateTempSubdirectory("ebpf-bench-c-").FullName;
            IReadOnlyDictionary<string, string> objects = ClangObjects.Build(objectDirectory);
            string pinRoot = Path.Combine(BpfFs.DefaultRoot, $"ebpf-bench-{Environment.ProcessId}");

            var owned = new List<IDisposable>();

            // Ctrl-C or kill: the fds close with the process, but pins outlive it; remove them before the default handling ends us.
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => RemovePins(pinRoot));
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => RemovePins(pinRoot));
            try
            {
                var context = new SuiteContext(objects, pinRoot, owned);
                var pairs = new List<ProgramPair>();
                foreach (IProgramSuite suite in SideBySideSuites.Selected(options))
                {
                    pairs.AddRange(suite.Load(context));
                }

                var floors = pairs.Select(pair => pair.Type).Distinct().ToDictionary(type => type, FloorPrograms.For);
                owned.AddRange(floors.Values);

                IReadOnlyList<PairResult> results = InterleavedRuns.Measure(pairs, floors, options, Console.Error);
                if (options.Json)
                {
                    SideBySideReport.WriteJson(Console.Out, results, options);
                }
                else
                {
                    SideBySideReport.WriteTables(Console.Out, results, options);
                }

                if (options.Listings)
                {
                    foreach (ProgramPair pair in pairs.DistinctBy(pair => (pair.Ours, pair.Clang)))
                    {
                        Console.Out.WriteLine();
                        Console.Out.WriteLine($"; ours {pair.Name}: as loaded (Disassembler.List of our image)");
                        Console.Out.Write(Disassembler.List(pair.OursImage, new DisassemblyOptions { HelperNames = true }));
                        WriteListing(Console.Out, "ours", pair.Ours, pair.Type);
                        WriteListing(Console.Out, "clang", pair.Clang, pair.Type);
                    }
                }

                if (options.JitedDirectory is not null)
                {
                    Directory.CreateDirectory(options.JitedDirectory);
                    foreach (ProgramPair pair in pairs.DistinctBy(pair => (pair.Ours, pair.Clang)))
                    {
                        string stem = (pair.Suite + "." + pair.Name + (pair.Setting.Length > 0 ? "." + pair.Setting : "")).Replace(' ', '-').Replace("=", "", System.StringComparison.Ordinal);
                        DumpJited(pair.Ours, Path.Combine(options.JitedDirectory, $"ours-{stem}.bin"));
                        DumpJited(pair.Clang, Path.Combine(options.JitedDirectory, $"clang-{stem}.bin"));
                    }
                }

                return results.All(result => result.Ours.ReturnValue == result.Clang.ReturnValue) ? 0 : 1;
            }
            finally
            {
                for (int i = owned.Count - 1; i >= 0; i--)
                {
                    owned[i].Dispose();
                }

                RemovePins(pinRoot);
                if (options.ObjectDirectory is null)
                {
                    Directory.Delete(objectDirectory, recursive: true);
                }
            }
        }

        private static void DumpJited(BpfProgram program, string path) => File.WriteAllBytes(path, JitedImage.Read(program));

        private static void RemovePins(string pinRoot)
        {
            if (Directory.Exists(pinRoot))
            {
                Directory.Delete(pinRoot, recursive: true);
            }
        }

        private static void WriteListing(TextWriter output, string side, BpfProgram program, ProgramType type)
        {
            output.WriteLine();
            output.WriteLine($"; {side} {program.Name}: xlated, prog id {program.Id} (bpftool prog dump xlated id {program.Id})");
            var translated = new ProgramImage(program.Name, type, program.TranslatedInstructions());
            output.Write(Disassembler.List(translated, new DisassemblyOptions { ShowSource = false, HelperNames = true }));
        }
    }
}
