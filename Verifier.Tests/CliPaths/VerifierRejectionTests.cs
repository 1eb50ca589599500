using System.IO;
using System.Linq;
using Ebpf.Asm;
using Ebpf.Asm.Serialization;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.CliPaths
{
    /// <summary>
    /// Verifier errors in C# terms, end to end: <c>ebpf-compile</c> writes the chain's image, the test moves the first store
    /// into the 2-byte map value one value further (an out-of-bounds write the front end never emits), and
    /// <c>load --image</c> reports the kernel's rejection at the C# line of that store. (Removing the null check instead is
    /// accepted by recent kernels (6.18 here): the verifier knows an array lookup with a constant in-range key is never null.)
    /// </summary>
    public sealed class VerifierRejectionTests : KernelTest
    {
        [Fact]
        public void A_rejected_image_names_the_csharp_file_line_and_text_next_to_the_verifiers_reason_and_leaves_no_pins()
        {
            using var work = new TempDirectory();
            using var pins = new PinDirectory();
            string[] sources = work.Copy(CompileRun.TailChainSources());
            Assert.Equal(0, CompileRun.Of(sources.Append("-o").Append(work.Path).ToArray()).ExitCode);
            CollectionImage chain = CollectionImageSerializer.Deserialize(File.ReadAllBytes(work["EgressChain.ebpfimg"]));
            string image = work["Unchecked.ebpfimg"];
            File.WriteAllBytes(image, CollectionImageSerializer.Serialize(StoringPastTheValue(chain, "Egress1")));

            CliRun good = CliRun.Of("load", "--image", work["EgressChain.ebpfimg"], "--pin", pins["good"]);
            CliRun run = CliRun.Of("load", "--image", image, "--pin", pins["bad"]);

            Assert.True(good.ExitCode == 0, good.Error);
            Assert.Contains("| Egress1 ", good.Output);
            Assert.Equal(1, run.ExitCode);
            string first = run.Error.Split('\n')[0];
            string source = sources.Single(s => s.EndsWith("EgressChain.cs"));
            Assert.True(first.Contains("the verifier rejected program 'Egress1' at instruction ", System.StringComparison.Ordinal), run.Error);
            Assert.Contains($"({source}:34:", first);
            Assert.Contains(": shared.Value = default;): ", first);
            Assert.Contains($"invalid access to map value, value_size={chain.Maps.Single(m => m.Name == "TailContextMap").ValueSize} off=", run.Error);
            Assert.True(run.Error.Split('\n').Length > 3, "the tail of the verifier log follows the first line");
            Assert.False(Directory.Exists(pins["bad"]), "a failed load leaves no pins");
        }

        /// <summary>Moves the first byte store (register or immediate) into the map value (not the stack) of <paramref name="program"/> to offset value_size.</summary>
        private static CollectionImage StoringPastTheValue(CollectionImage chain, string program)
        {
            ProgramImage target = chain.Programs.Single(p => p.Name == program);
            int valueSize = chain.Maps.Single(m => m.Name == "TailContextMap").ValueSize;
            var instructions = target.Instructions.ToList();
            int store = instructions.FindIndex(i =>
                (i.Class == InstructionClass.Stx || i.Class == InstructionClass.St) && i.MemorySize == MemorySize.Byte && i.Destination != Register.R10);
            Assert.True(store > 0, "the program stores a byte into the map value");
            instructions[store] = instructions[store].WithOffset((short)valueSize);
            return chain with { Programs = chain.Programs.Select(p => p == target ? p with { Instructions = instructions } : p).ToList() };
        }
    }
}
