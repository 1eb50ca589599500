using System.Linq;
using System.Text.RegularExpressions;
using Ebpf.Compiler.Driver;
using Xunit;

namespace Ebpf.Compiler.Tests.FrontEnd
{
    /// <summary>
    /// An assignment whose value branches (<c>v.Field = c ? a : b</c>) makes Roslyn capture the target before the branch;
    /// the capture must stay the place, or the store goes into a register copy and vanishes (the sampler's lost counter).
    /// </summary>
    public sealed class PlaceCaptureTests
    {
        private const string Members = "    public struct C { public ulong Position; public ulong Other; }\n    static readonly ArrayMap<C> Stats = new(maxEntries: 1);\n";

        private static string Compile(string body)
        {
            ProgramCompilation result = DslCompilation.Compile("P", DslCompilation.Xdp(body, Members));
            Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            return DslCompilation.Listing(result.Image!.Programs.Single());
        }

        [Theory]
        [InlineData("c.Value.Position = p + 1 >= 3 ? 0 : p + 1;", @"\*\(u64 \*\)\(r\d \+ 0\) = r\d")]
        [InlineData("c.Value.Other += p > 3 ? 2UL : 1UL;", @"\*\(u64 \*\)\(r\d \+ 8\) = r\d")]
        [InlineData("Atomic.Add(ref c.Value.Other, p == 1 ? 4UL : 8UL);", @"lock \*\(u64 \*\)\(r\d \+ 8\) \+= r\d")]
        public void A_store_of_a_conditional_value_reaches_the_map_value(string store, string pattern)
        {
            string listing = Compile("var c = Stats.Lookup(0); if (c is null) return XdpAction.Pass; ulong p = c.Value.Position; " + store + " return p != 0 ? XdpAction.Pass : XdpAction.Drop;");
            Assert.Matches(new Regex(pattern), listing);
        }

        [Theory]
        [InlineData("ip.Value.Identification = ctx.Packet.Length > 60 ? (ushort)7 : (ushort)8;")]
        [InlineData("ip.Value.Identification += 1;")]
        [InlineData("ip.Value.Identification++;")]
        [InlineData("ip.Value.Identification += ctx.Packet.Length > 60 ? (ushort)7 : (ushort)8;")]
        public void A_network_order_property_is_a_place_that_stores_swapped_bytes(string store)
        {
            // Roslyn captures the whole property reference before a branching value; compound assignments read and
            // write it: each must store the byte-swapped value into the packet (offset 14 + 4).
            string listing = Compile("var ip = ctx.Packet.At<Ipv4Header>(14); if (ip is null) return XdpAction.Pass; " + store + " return XdpAction.Tx;");
            Assert.Matches(new Regex(@"\*\(u16 \*\)\(r\d \+ 4\) = r\d"), listing);
            Assert.Contains("be16", listing);
        }
    }
}
