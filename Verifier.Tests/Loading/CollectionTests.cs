using System;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Loading
{
    public sealed class CollectionTests : KernelTest
    {
        [Fact]
        public void Maps_pinned_by_name_are_reused_by_the_next_load()
        {
            using var pins = new PinDirectory();
            var options = new LoadOptions { PinDirectory = pins.Path };
            CollectionImage image = Counter(MapPinning.ByName);
            uint firstId;
            using (LoadedCollection first = Collection.Load(image, options))
            {
                first.Program("count_hits").TestRun(Packets.Ipv4Udp(), repeat: 3);
                firstId = first.Map("hits").Id;
                Assert.Equal(pins["hits"], first.PinPaths["hits"]);
            }

            using LoadedCollection second = Collection.Load(image, options);
            second.Program("count_hits").TestRun(Packets.Ipv4Udp(), repeat: 2);

            Assert.Equal(firstId, second.Map("hits").Id);
            Assert.Equal(5ul, new ArrayView<ulong>(second.Map("hits"))[0]);
        }

        [Fact]
        public void A_pinned_map_that_differs_from_its_definition_is_reported()
        {
            using var pins = new PinDirectory();
            using (BpfMap other = BpfMap.Create(new MapDefinition("hits", MapType.Array, 4, 8, 2)))
            {
                other.Pin(pins["hits"]);
            }

            CollectionException error = Assert.Throws<CollectionException>(() => Collection.Load(Counter(MapPinning.ByName), new LoadOptions { PinDirectory = pins.Path }));

            Assert.Contains("max_entries 2, wanted 1", error.Message);
        }

        [Fact]
        public void Without_a_pin_directory_each_load_gets_fresh_maps()
        {
            using LoadedCollection first = Collection.Load(Counter(MapPinning.ByName));
            using LoadedCollection second = Collection.Load(Counter(MapPinning.ByName));

            Assert.NotEqual(first.Map("hits").Id, second.Map("hits").Id);
            Assert.Empty(first.PinPaths);
        }

        [Fact]
        public void Every_naming_problem_is_listed_before_the_kernel_is_touched()
        {
            ProgramImage program = AsmPrograms.FromResource("count_hits", ProgramType.Xdp);
            var image = new CollectionImage(
                new[]
                {
                    new MapDefinition("slots", MapType.ProgramArray, 4, 4, 4) { ProgramSlots = new[] { new ProgramSlot(0, "missing"), new ProgramSlot(0, "count_hits") } },
                },
                new[] { program });

            CollectionException error = Assert.Throws<CollectionException>(() => Collection.Load(image));

            Assert.Contains(error.Problems, p => p.Contains("refers to map 'hits', which the collection does not have"));
            Assert.Contains(error.Problems, p => p.Contains("names program 'missing', which the collection does not have"));
            Assert.Contains(error.Problems, p => p.Contains("gives slot 0 to both 'missing' and 'count_hits'"));
        }

        [Fact]
        public void Programs_of_different_types_in_one_program_array_are_refused()
        {
            ProgramImage xdp = AsmPrograms.FromText("r0 = 2\nexit\n", "xdp_one", ProgramType.Xdp);
            ProgramImage skb = AsmPrograms.FromText("r0 = 1\nexit\n", "skb_one", ProgramType.CgroupSkb, AttachType.CgroupInetEgress);
            ProgramImage ingress = AsmPrograms.FromText("r0 = 1\nexit\n", "skb_two", ProgramType.CgroupSkb, AttachType.CgroupInetIngress);
            var image = new CollectionImage(
                new[]
                {
                    new MapDefinition("mixed", MapType.ProgramArray, 4, 4, 4) { ProgramSlots = new[] { new ProgramSlot(0, "xdp_one"), new ProgramSlot(1, "skb_one") } },
                    new MapDefinition("attach", MapType.ProgramArray, 4, 4, 4) { ProgramSlots = new[] { new ProgramSlot(0, "skb_one"), new ProgramSlot(1, "skb_two") } },
                },
                new[] { xdp, skb, ingress });

            CollectionException error = Assert.Throws<CollectionException>(() => Collection.Load(image));

            Assert.Contains(error.Problems, p => p.Contains("'mixed' mixes program types"));
            Assert.Contains(error.Problems, p => p.Contains("'attach' mixes expected attach types") && p.Contains("6.18"));
            Assert.Equal(2, error.Problems.Count);
        }

        [Fact]
        public void A_tail_call_by_name_needs_exactly_one_slot_for_its_target()
        {
            const string caller = "r2 = map[first] ll\nr3 = slot[target]\ncall 12\nr0 = 2\nexit\n";
            var image = new CollectionImage(
                new[]
                {
                    new MapDefinition("first", MapType.ProgramArray, 4, 4, 4) { ProgramSlots = new[] { new ProgramSlot(0, "target") } },
                    new MapDefinition("second", MapType.ProgramArray, 4, 4, 4) { ProgramSlots = new[] { new ProgramSlot(3, "target") } },
                },
                new[]
                {
                    AsmPrograms.FromText(caller, "caller", ProgramType.Xdp),
                    AsmPrograms.FromText("r0 = 2\nexit\n", "target", ProgramType.Xdp),
                });

            CollectionException error = Assert.Throws<CollectionException>(() => Collection.Load(image));

            Assert.Contains("tail call to 'target': program 'target' has slot 0 in 'first' and slot 3 in 'second'", error.Message);
        }

        [Fact]
        public void Map_value_relocations_point_into_the_map()
        {
            const string source = @"
    r1 = map_value[config] + 4 ll
    r0 = *(u32 *)(r1 + 0)
    exit
";
            var image = new CollectionImage(
                new[] { new MapDefinition("config", MapType.Array, 4, 8, 1) },
                new[] { AsmPrograms.FromText(source, "read_config", ProgramType.Xdp) });
            using LoadedCollection loaded = Collection.Load(image);
            loaded.Map("config").Update(BitConverter.GetBytes(0u), BitConverter.GetBytes(0x0000000200000001ul));

            TestRunResult result = loaded.Program("read_config").TestRun(Packets.Ipv4Udp());

            Assert.Equal(2u, result.ReturnValue);
        }

        [Fact]
        public void A_failed_load_closes_what_it_created()
        {
            var image = new CollectionImage(
                new[] { new MapDefinition("hits", MapType.Array, 4, 8, 1) },
                new[] { AsmPrograms.FromText("r0 = *(u32 *)(r5 + 0)\nexit\n", "bad", ProgramType.Xdp) });

            VerifierException error = Assert.Throws<VerifierException>(() => Collection.Load(image));

            Assert.Equal("R5 !read_ok", error.Summary);
            // the base class checks that the map's fd was closed
        }

        private static CollectionImage Counter(MapPinning pinning) => new CollectionImage(
            new[] { new MapDefinition("hits", MapType.Array, 4, 8, 1) { Pinning = pinning } },
            new[] { AsmPrograms.FromResource("count_hits", ProgramType.Xdp) });
    }
}
