using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Ebpf.Asm;
using Ebpf.Loader.Skeletons;
using Ebpf.Programs.TailChain;
using Xunit;

namespace Ebpf.Compiler.Tests.Golden
{
    /// <summary>
    /// Golden disassembly of every program class that ships in Ebpf.Programs (one <c>Class.lst</c> per class), as the
    /// build's source generator compiled and embedded it: the author's bodies, before the loader links slot programs or
    /// the root's tail calls. A code-generation change shows up here as a unified diff; after reviewing it, regenerate
    /// every file with <c>EBPF_UPDATE_GOLDEN=1 dotnet test Compiler.Tests --filter FullyQualifiedName~Golden</c> and
    /// commit the .lst files with the change that caused them.
    /// </summary>
    public sealed class ShippedProgramGoldenTests
    {
        private static Assembly ProgramsAssembly => typeof(EgressChain).Assembly;

        private static IReadOnlyDictionary<string, CollectionImage> Embedded => EmbeddedCollections.ReadAll(ProgramsAssembly);

        /// <summary>The full names of the classes whose images the generator embedded in Ebpf.Programs.</summary>
        public static TheoryData<string> Classes() => new(Embedded.Keys.Order());

        [Theory]
        [MemberData(nameof(Classes))]
        public void Shipped_program_listing_matches_its_golden_file(string programClass)
        {
            string actual = GoldenListing.Of(Embedded[programClass]);
            string golden = GoldenListing.FileOf(SimpleName(programClass));

            if (GoldenListing.Updating)
            {
                File.WriteAllText(golden, actual);
            }

            Assert.True(File.Exists(golden), $"no golden file {golden}; create it with {GoldenListing.UpdateCommand} and review it");
            string expected = File.ReadAllText(golden).ReplaceLineEndings("\n");
            if (expected != actual)
            {
                Assert.Fail(
                    $"{Path.GetFileName(golden)} differs from what the generator compiled for {programClass}. If the change is " +
                    $"intended, regenerate with `{GoldenListing.UpdateCommand}` and commit the file.\n" +
                    LineDiff.Unified(expected, actual, "golden " + Path.GetFileName(golden), "compiled " + programClass));
            }
        }

        [Fact]
        public void Every_program_method_in_the_Programs_assembly_has_a_golden_listing()
        {
            var missing = new List<string>();
            foreach (MethodInfo method in ShippedProgramMethods.All(ProgramsAssembly))
            {
                string golden = GoldenListing.FileOf(method.DeclaringType!.Name);
                if (!File.Exists(golden))
                {
                    missing.Add($"{method.DeclaringType.FullName}.{method.Name}: no {Path.GetFileName(golden)}");
                }
                else if (!File.ReadLines(golden).Any(line => line.StartsWith(GoldenListing.ProgramHeaderStart(method.Name), System.StringComparison.Ordinal)))
                {
                    missing.Add($"{method.DeclaringType.FullName}.{method.Name}: not in {Path.GetFileName(golden)}");
                }
            }

            Assert.NotEmpty(ShippedProgramMethods.All(ProgramsAssembly));
            Assert.True(missing.Count == 0, $"program methods without a golden listing (run {GoldenListing.UpdateCommand}):\n" + string.Join("\n", missing));
        }

        [Fact]
        public void Every_class_with_program_methods_has_an_embedded_image_the_golden_theory_covers()
        {
            string[] declaring = ShippedProgramMethods.All(ProgramsAssembly).Select(method => method.DeclaringType!.FullName!).Distinct().Order().ToArray();

            Assert.Equal(declaring, Embedded.Keys.Order());
            Assert.Equal(declaring.Length, declaring.Select(SimpleName).Distinct().Count());
        }

        [Fact]
        public void Every_golden_file_belongs_to_a_shipped_program_class()
        {
            string[] files = Directory.GetFiles(GoldenListing.Directory, "*.lst").Select(Path.GetFileNameWithoutExtension).Order().ToArray()!;

            Assert.Equal(Embedded.Keys.Select(SimpleName).Order(), files);
        }

        private static string SimpleName(string fullName) => fullName[(fullName.LastIndexOf('.') + 1)..];
    }
}
