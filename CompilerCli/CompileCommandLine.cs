using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using Ebpf.Asm.Serialization;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Cli
{
    /// <summary>
    /// <c>ebpf-compile FILE.cs… -o DIR [--json]</c>: compiles DSL sources against Ebpf.Dsl, prints every diagnostic as
    /// <c>file(line,col): error EBPFnnnn: message</c> (like csc) and writes <c>DIR/&lt;Class&gt;.ebpfimg</c> and
    /// <c>DIR/&lt;Class&gt;.s</c> per program class. Exit codes: 0 compiled, 1 errors, 2 usage.
    /// </summary>
    public static class CompileCommandLine
    {
        /// <summary>The program name used in messages.</summary>
        public const string Name = "ebpf-compile";

        private static readonly JsonSerializerOptions JsonOptions = new()
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // messages quote names: keep ' readable
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        /// <summary>Parses and runs <paramref name="args"/> against the process's console.</summary>
        public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>Parses and runs <paramref name="args"/>, writing data to <paramref name="output"/> and diagnostics to <paramref name="error"/>.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            var files = new Argument<FileInfo[]>("files") { Description = "C# DSL source files.", Arity = ArgumentArity.OneOrMore };
            var directory = new Option<DirectoryInfo>("--output", "-o") { Description = "Where to write <Class>.ebpfimg and <Class>.s.", Required = true };
            var json = new Option<bool>("--json") { Description = "Print diagnostics and outputs as JSON on standard output." };
            var root = new RootCommand("Compile eBPF programs written in the C# DSL into collection images and listings.") { files, directory, json };
            root.SetAction(parse => Compile(parse.GetValue(files)!, parse.GetValue(directory)!, parse.GetValue(json), output, error));
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (ParseError parseError in parse.Errors)
                {
                    error.WriteLine($"{Name}: error: {parseError.Message}");
                }

                error.WriteLine($"{Name}: see '{Name} --help'");
                return 2;
            }

            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
        }

        private static int Compile(FileInfo[] files, DirectoryInfo directory, bool json, TextWriter output, TextWriter error)
        {
            var sources = new List<KeyValuePair<string, string>>();
            foreach (FileInfo file in files)
            {
                try
                {
                    sources.Add(new KeyValuePair<string, string>(file.FullName, File.ReadAllText(file.FullName)));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"{Name}: cannot read '{file}': {exception.Message}");
                    return 1;
                }
            }

            DslCompilationResult result = DslSourceCompiler.Compile(sources, CancellationToken.None);
            var written = new List<CompileOutput>();
            if (!result.HasErrors)
            {
                if (result.Classes.Count == 0)
                {
                    error.WriteLine($"{Name}: no program classes (no method has a program attribute such as [Xdp] or [CgroupSkb])");
                    return 1;
                }

                try
                {
                    Directory.CreateDirectory(directory.FullName);
                    foreach (CompiledProgramClass compiled in result.Classes)
                    {
                        string image = Path.Combine(directory.FullName, compiled.FileName + ".ebpfimg");
                        string listing = Path.Combine(directory.FullName, compiled.FileName + ".s");
                        File.WriteAllBytes(image, CollectionImageSerializer.Serialize(compiled.Image!));
                        File.WriteAllText(listing, ImageListing.Write(compiled.FullName, compiled.Image!));
                        written.Add(new CompileOutput(compiled.FullName, image, listing, compiled.Image!.Programs.Select(p => p.Name).ToList(), compiled.Image.Maps.Select(m => m.Name).ToList()));
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"{Name}: cannot write to '{directory}': {exception.Message}");
                    return 1;
                }
            }

            if (json)
            {
                var report = new CompileReport(!result.HasErrors, result.Diagnostics.Select(CompileDiagnostic.From).ToList(), written);
                output.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
            }
            else
            {
                foreach (Diagnostic diagnostic in result.Diagnostics)
                {
                    error.WriteLine(diagnostic.ToString());
                }

                foreach (CompileOutput item in written)
                {
                    output.WriteLine($"{item.Class}: {item.Programs.Count} programs ({string.Join(", ", item.Programs)}), {item.Maps.Count} maps → {item.Image}, {item.Listing}");
                }
            }

            return result.HasErrors ? 1 : 0;
        }
    }
}
