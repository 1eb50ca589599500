using System;
using System.IO;
using System.Linq;
using Ebpf.Dsl.Maps;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    /// <summary>
    /// The seed blog post null-checks <c>ctx</c> instead of the looked-up value. In the DSL that is a compile-time
    /// error: lookups return <c>MapValue&lt;T&gt;?</c>, and with nullable analysis and warnings as errors (the
    /// project default) dereferencing it unchecked is CS8602. The same holds for packet references.
    /// </summary>
    public class SeedBugTests
    {
        private const string Prologue = """
            using Ebpf.Dsl;
            using Ebpf.Dsl.Maps;
            using Ebpf.Dsl.Packets;

            public struct TailContext { public byte ValueFrom1; public byte ValueFrom2; }

            public static class Programs
            {
                static readonly PerCpuArrayMap<TailContext> TailContextMap = new(maxEntries: 1);

            """;

        private const string SeedEgress3 = """
                [CgroupSkb(CgroupSkbDirection.Egress)]
                public static CgroupSkbVerdict Egress3(SkBuffContext ctx)
                {
                    var ctx2 = TailContextMap.Lookup(0);
                    if (ctx == null)
                    {
                        return CgroupSkbVerdict.Allow;
                    }

                    Bpf.TracePrintk("[egress3] first=%d second=%d", [|ctx2|].Value.ValueFrom1, ctx2.Value.ValueFrom1);
                    return CgroupSkbVerdict.Allow;
                }
            }
            """;

        private const string FixedEgress3 = """
                [CgroupSkb(CgroupSkbDirection.Egress)]
                public static CgroupSkbVerdict Egress3(SkBuffContext ctx)
                {
                    var ctx2 = TailContextMap.Lookup(0);
                    if (ctx2 == null)
                    {
                        return CgroupSkbVerdict.Allow;
                    }

                    Bpf.TracePrintk("[egress3] first=%d second=%d", ctx2.Value.ValueFrom1, ctx2.Value.ValueFrom2);
                    return CgroupSkbVerdict.Allow;
                }
            }
            """;

        private const string UncheckedPacket = """
                [Xdp]
                public static XdpAction Parse(XdpContext ctx)
                {
                    var eth = ctx.Packet.At<EthernetHeader>(0);
                    return [|eth|].Value.EtherType == EtherType.Ipv4 ? XdpAction.Pass : XdpAction.Drop;
                }
            }
            """;

        [Fact]
        public void CheckingCtxInsteadOfTheValueDoesNotCompile() => AssertOneNullDereference(Prologue + SeedEgress3);

        [Fact]
        public void UncheckedPacketReferenceDoesNotCompile() => AssertOneNullDereference(Prologue + UncheckedPacket);

        [Fact]
        public void CheckingTheValueCompiles()
        {
            var diagnostics = Compile(Prologue + FixedEgress3);
            Assert.Empty(diagnostics);
        }

        private static void AssertOneNullDereference(string markedSource)
        {
            int start = markedSource.IndexOf("[|", StringComparison.Ordinal);
            string source = markedSource.Replace("[|", string.Empty).Replace("|]", string.Empty);
            int end = markedSource.IndexOf("|]", StringComparison.Ordinal) - 2;

            var diagnostic = Assert.Single(Compile(source));
            Assert.Equal("CS8602", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(start, diagnostic.Location.SourceSpan.Start);
            Assert.Equal(end, diagnostic.Location.SourceSpan.End);
        }

        private static Diagnostic[] Compile(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12));
            var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error);
            var compilation = CSharpCompilation.Create("Probe", [tree], References.Value, options);
            return compilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToArray();
        }

        /// <summary>Only what a DSL program needs: the core library, the System.Runtime and netstandard facades (Asm targets netstandard2.0), and the DSL.</summary>
        private static readonly Lazy<MetadataReference[]> References = new(() =>
        {
            string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            return new[]
                {
                    typeof(object).Assembly.Location,
                    Path.Combine(runtimeDirectory, "System.Runtime.dll"),
                    Path.Combine(runtimeDirectory, "netstandard.dll"),
                    typeof(MapValue<>).Assembly.Location,
                    typeof(Ebpf.Asm.MapPinning).Assembly.Location,
                }
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToArray();
        });
    }
}
