using System.Linq;
using Ebpf.Asm;
using Ebpf.Compiler.Driver;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    /// <summary><c>Atomic.*</c> as single BPF_ATOMIC instructions on map values, and where the kernel forbids them.</summary>
    public sealed class AtomicTests
    {
        private const string Members = @"
    public struct Counters { public ulong Packets; public ulong Bytes; public uint Small; public uint Large; }
    static readonly ArrayMap<Counters> Stats = new(maxEntries: 1);
";

        [Fact]
        public void A_counter_is_a_lock_add_on_the_looked_up_value()
        {
            string body = "var c = Stats.Lookup(0); if (c is null) return XdpAction.Aborted; Atomic.Add(ref c.Value.Packets, 1); Atomic.Add(ref c.Value.Small, (uint)ctx.Packet.Length); return XdpAction.Pass;";
            ProgramCompilation result = DslCompilation.Compile("P", DslCompilation.Xdp(body, Members));
            Assert.Empty(result.Diagnostics);
            string listing = DslCompilation.Listing(result.Image!.Programs.Single());
            Assert.Equal(
                string.Join("\n",
                    "r6 = r1",
                    "*(u32 *)(r10 - 4) = 0",
                    "r1 = map[Stats] ll",
                    "r2 = r10",
                    "r2 += -4",
                    "call bpf_map_lookup_elem",
                    "if r0 == 0 goto +9",
                    "r1 = 1",
                    "lock *(u64 *)(r0 + 0) += r1",
                    "r1 = *(u32 *)(r6 + 0)",
                    "r2 = *(u32 *)(r6 + 4)",
                    "r2 -= r1",
                    "w2 = w2",
                    "lock *(u32 *)(r0 + 16) += r2",
                    "r0 = 2",
                    "exit",
                    "r0 = 0",
                    "exit"),
                listing);
        }

        [Fact]
        public void Fetch_exchange_and_compare_exchange_return_the_old_value()
        {
            string body = "var c = Stats.Lookup(0); if (c is null) return XdpAction.Aborted; ulong a = Atomic.FetchAdd(ref c.Value.Bytes, 5); ulong b = Atomic.Exchange(ref c.Value.Packets, a); ulong d = Atomic.CompareExchange(ref c.Value.Bytes, 1, b); return a + b + d == 3 ? XdpAction.Pass : XdpAction.Drop;";
            ProgramCompilation result = DslCompilation.Compile("P", DslCompilation.Xdp(body, Members));
            Assert.Empty(result.Diagnostics);
            string listing = DslCompilation.Listing(result.Image!.Programs.Single());
            Assert.Contains("= atomic_fetch_add((u64 *)(r", listing);
            Assert.Contains("= xchg_64(r", listing);
            Assert.Contains("r0 = cmpxchg_64(r1 + 8, r0, r2)", listing);
        }

        [Fact]
        public void An_atomic_on_a_packet_field_is_reported()
        {
            string body = "var ip = ctx.Packet.At<Ipv4Header>(14); if (ip is null) return XdpAction.Pass; Atomic.Add(ref ip.Value.SourceAddress, 1u); return XdpAction.Pass;";
            ProgramCompilation result = DslCompilation.Compile("P", DslCompilation.Xdp(body, Members));
            Assert.Null(result.Image);
            Diagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("EBPF2001", diagnostic.Id);
            Assert.Contains("the kernel allows them on map values and the stack", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
