using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Ebpf.Asm;
using Ebpf.Compiler.Driver;
using Ebpf.Verifier.Tests.Differential.Programs;
using Ebpf.Verifier.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Ebpf.Verifier.Tests.Differential
{
    /// <summary>Integer corner cases (Programs/IntegerEdges.cs) compute the same in the kernel as on the CLR.</summary>
    public sealed class IntegerEdgeTests : KernelTest
    {
        private static readonly Lazy<CollectionImage> Image = new(() => DifferentialSources.CompileOwn(nameof(IntegerEdges), "IntegerEdges.cs"));

        [Theory]
        [InlineData(nameof(IntegerEdges.WrapAndShift))]
        [InlineData(nameof(IntegerEdges.GuardedDivision))]
        [InlineData(nameof(IntegerEdges.Conversions))]
        [InlineData(nameof(IntegerEdges.Compares))]
        [InlineData(nameof(IntegerEdges.ProvenDivision))]
        public void Kernel_and_clr_agree_on_the_corpus_and_the_edge_operands(string program) =>
            DifferentialAssert.AgreeOn(Image.Value, typeof(IntegerEdges), program, PacketCorpus.All.Concat(PacketCorpus.IntegerOperands));

        [Theory]
        [InlineData(nameof(IntegerEdges.WrapAndShift))]
        [InlineData(nameof(IntegerEdges.GuardedDivision))]
        [InlineData(nameof(IntegerEdges.Conversions))]
        [InlineData(nameof(IntegerEdges.Compares))]
        [InlineData(nameof(IntegerEdges.ProvenDivision))]
        public void Kernel_and_clr_agree_on_random_packets(string program) =>
            DifferentialAssert.AgreeOnRandomPackets(Image.Value, typeof(IntegerEdges), program);

        /// <summary>
        /// The divergence the harness found (x / 0, x % 0, MinValue / -1: the kernel returns a value, the CLR throws) is
        /// now a compile-time error at each unguarded operator.
        /// </summary>
        [Fact]
        public void Unguarded_division_is_refused_with_EBPF3004_at_each_operator()
        {
            string text = ProgramText("UnguardedDivision.cs");
            CSharpCompilation compilation = DifferentialSources.CreateCompilation("Unguarded", ("UnguardedDivision.cs", text));
            INamedTypeSymbol type = compilation.GetTypeByMetadataName(typeof(UnguardedDivision).FullName!)!;

            ProgramCompilation result = ProgramCompiler.Compile(compilation, type, CancellationToken.None);

            string[] divisions = { "x / y", "x % y", "(int)x / (int)y", "(int)x % (int)y", "(ulong)x / (ulong)y", "(uint)x % (uint)y" };
            Assert.Null(result.Image);
            Assert.Equal(
                divisions.Select(d => "EBPF3004 " + d),
                result.Diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id + " " + text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)));
        }

        private static string ProgramText(string file, [CallerFilePath] string here = "") =>
            File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "Programs", file));

        /// <summary>The kernel's division results, written as guards the compiler proves, agree on every operand (0, -1, MinValue included).</summary>
        [Fact]
        public void Division_spelled_with_the_kernels_results_agrees_on_the_corpus_and_random_packets()
        {
            CollectionImage image = DifferentialSources.CompileOwn(nameof(KernelDivision), "KernelDivision.cs");
            DifferentialAssert.AgreeOn(image, typeof(KernelDivision), nameof(KernelDivision.Divide), PacketCorpus.All.Concat(PacketCorpus.IntegerOperands));
            DifferentialAssert.AgreeOnRandomPackets(image, typeof(KernelDivision), nameof(KernelDivision.Divide));
        }
    }
}
