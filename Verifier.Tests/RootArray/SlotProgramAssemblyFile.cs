using System;
using System.IO;
using System.Linq;
using Ebpf.Compiler.Generator;
using Ebpf.Verifier.Tests.Differential;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>
    /// A user's program assembly on disk, built the way a user's build makes one: C# with <c>[XdpSlot]</c> methods,
    /// compiled with the source generator (so the images are embedded as assembly attributes), for
    /// <c>slot load … --assembly FILE</c>. Dispose deletes it.
    /// </summary>
    public sealed class SlotProgramAssemblyFile : IDisposable
    {
        /// <summary>
        /// Two slot programs that drop IPv4 UDP to <paramref name="port"/>: <c>DropUdpA</c> and <c>DropUdpB</c> (default
        /// slot 0), sharing the map <see cref="MapName"/> (a count of the frames they saw), and a plain <c>[Xdp] NotASlot</c>.
        /// </summary>
        public SlotProgramAssemblyFile(int port)
        {
            string source = $$"""
                using Ebpf.Dsl;
                using Ebpf.Dsl.Maps;
                using Ebpf.Dsl.Packets;

                namespace UserPrograms
                {
                    public static class PortDrops
                    {
                        [XdpSlot(0)]
                        public static XdpAction DropUdpA(XdpContext ctx) => Drop(ctx);

                        [XdpSlot(0)]
                        public static XdpAction DropUdpB(XdpContext ctx) => Drop(ctx);

                        [Xdp]
                        public static XdpAction NotASlot(XdpContext ctx) => XdpAction.Pass;

                        static readonly ArrayMap<ulong> drop_count = new(maxEntries: 1);

                        private static XdpAction Drop(XdpContext ctx)
                        {
                            var count = drop_count.Lookup(0);
                            if (count is not null)
                            {
                                count.Value = count.Value + 1;
                            }

                            var eth = ctx.Packet.At<EthernetHeader>(0);
                            if (eth is null || eth.Value.EtherType != EtherType.Ipv4)
                            {
                                return XdpAction.Pass;
                            }

                            var ip = ctx.Packet.At<Ipv4Header>(EthernetHeader.Size);
                            if (ip is null || ip.Value.Protocol != IpProtocol.Udp)
                            {
                                return XdpAction.Pass;
                            }

                            var udp = ctx.Packet.At<UdpHeader>(EthernetHeader.Size + Ipv4Header.MinimumSize);
                            return udp is not null && udp.Value.DestinationPort == {{port}} ? XdpAction.Drop : XdpAction.Pass;
                        }
                    }
                }
                """;
            CSharpCompilation compilation = DifferentialSources.CreateCompilation("UserPrograms" + Guid.NewGuid().ToString("N").Substring(0, 8), ("/src/UserPrograms/PortDrops.cs", source));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new ProgramImageGenerator());
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var generated);
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), compilation.AssemblyName + ".dll");
            EmitResult emitted = output.Emit(Path);
            if (!emitted.Success || generated.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                throw new InvalidOperationException(string.Join("\n", generated.Concat(emitted.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
        }

        /// <summary>The map the slot programs declare.</summary>
        public const string MapName = "drop_count";

        /// <summary>The assembly file.</summary>
        public string Path { get; }

        /// <summary>Deletes the file.</summary>
        public void Dispose() => File.Delete(Path);
    }
}
