using System.Linq;
using Ebpf.Asm;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Sys;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Maps
{
    public sealed class LpmTrieTests : KernelTest
    {
        private static uint Ipv4(byte a, byte b, byte c, byte d) => (uint)(a | b << 8 | c << 16 | d << 24); // network order in memory

        [Fact]
        public void The_longest_matching_prefix_wins()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("drop4", MapType.LpmTrie, 8, 4, 16, Flags: 1));
            var view = new LpmTrieView<uint, uint>(map);

            view.Set(Ipv4(10, 0, 0, 0), 8, 1);
            view.Set(Ipv4(10, 1, 0, 0), 16, 2);

            Assert.True(view.TryMatch(Ipv4(10, 1, 2, 3), out uint inner));
            Assert.True(view.TryMatch(Ipv4(10, 2, 3, 4), out uint outer));
            Assert.False(view.TryMatch(Ipv4(11, 0, 0, 1), out _));
            Assert.Equal((2u, 1u), (inner, outer));
            Assert.Equal(new[] { (8, 1u), (16, 2u) }, view.Entries().Select(e => (e.PrefixLength, e.Value)).OrderBy(e => e.Item1).ToArray());
        }

        [Fact]
        public void Removing_a_prefix_falls_back_to_the_shorter_one()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("drop4", MapType.LpmTrie, 8, 4, 16, Flags: 1));
            var view = new LpmTrieView<uint, uint>(map);
            view.Set(Ipv4(192, 168, 0, 0), 16, 16);
            view.Set(Ipv4(192, 168, 1, 0), 24, 24);

            Assert.True(view.Remove(Ipv4(192, 168, 1, 0), 24));

            Assert.True(view.TryMatch(Ipv4(192, 168, 1, 9), out uint value));
            Assert.Equal(16u, value);
            Assert.False(view.Remove(Ipv4(192, 168, 1, 0), 24));
        }

        [Fact]
        public void Creating_an_lpm_trie_without_no_prealloc_explains_the_flag()
        {
            BpfException error = Assert.Throws<BpfException>(() => BpfMap.Create(new MapDefinition("bad_lpm", MapType.LpmTrie, 8, 4, 16)));

            Assert.Equal(Errno.EINVAL, error.Errno);
            Assert.Contains("BPF_F_NO_PREALLOC", error.Message);
        }
    }
}
