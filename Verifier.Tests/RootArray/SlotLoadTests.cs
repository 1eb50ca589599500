using System.IO;
using Ebpf.Loader.RootArray;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary><see cref="XdpRootArray.LoadSlot(string, int, Ebpf.Asm.CollectionImage, string?)"/> and <c>UnloadSlot</c> on a veth pair with real traffic.</summary>
    public sealed class SlotLoadTests : KernelTest
    {
        [Fact]
        public void Dsl_slot_programs_behind_the_root_count_in_their_rows_pass_on_survive_a_replace_and_go_with_detach()
        {
            using var network = new RootArrayNetwork();
            network.InReceiver(() => XdpRootArray.Attach(network.Name, new RootArrayAttachOptions { Mode = Ebpf.Loader.Links.XdpMode.Generic }));
            SlotLoadResult dropper = network.InReceiver(() => XdpRootArray.LoadSlot(network.Name, 2, DslSlotPrograms.DropUdpPort(9)));
            SlotLoadResult passer = network.InReceiver(() => XdpRootArray.LoadSlot(network.Name, 5, DslSlotPrograms.Constant("PassAll", 2)));

            Assert.Equal(("DropUdp9", 2, 8, (uint?)null), (dropper.ProgramName, dropper.Slot, dropper.Slots, dropper.ReplacedProgramId));
            Assert.Equal(new[] { Path.Combine(network.Paths.Directory, DslSlotPrograms.SeenMapName) }, dropper.MapPins);
            Assert.True(File.Exists(dropper.MapPins[0]));
            Assert.Empty(passer.MapPins);

            network.SendUdp(9, 3);
            network.SendUdp(10, 2);
            Assert.Equal(2, network.Ping(2));
            Assert.Equal(new VerdictCounters(0, 3, 4, 0, 0, 0), CountersWhen(network, 2, 7));
            Assert.Equal(new VerdictCounters(0, 0, 4, 0, 0, 0), CountersWhen(network, 5, 4));
            Assert.Equal(0ul, CountersWhen(network, 8, 0).Total);                  // every frame reached a slot

            SlotLoadResult again = network.InReceiver(() => XdpRootArray.LoadSlot(network.Name, 2, DslSlotPrograms.DropUdpPort(9)));
            Assert.Equal(dropper.ProgramId, again.ReplacedProgramId);
            Assert.NotEqual(dropper.ProgramId, again.ProgramId);
            network.SendUdp(9, 2);
            Assert.Equal(new VerdictCounters(0, 5, 4, 0, 0, 0), CountersWhen(network, 2, 9));   // the counts carried on

            Assert.True(network.InReceiver(() => XdpRootArray.UnloadSlot(network.Name, 2)));
            Assert.False(network.InReceiver(() => XdpRootArray.UnloadSlot(network.Name, 2)));
            network.SendUdp(9, 2);
            Assert.Equal(new VerdictCounters(0, 0, 6, 0, 0, 0), CountersWhen(network, 5, 6));
            Assert.Equal(9ul, CountersWhen(network, 2, 9).Total);

            Assert.True(network.InReceiver(() => XdpRootArray.Detach(network.Name)));
            Assert.False(Directory.Exists(network.Paths.Directory));               // the slot program's map pin went too
        }

        [Fact]
        public void Loading_needs_an_attached_root_array_a_slot_in_range_and_a_slot_program()
        {
            using var network = new RootArrayNetwork();
            var image = DslSlotPrograms.Constant("PassAll", 2);

            RootArrayException none = Assert.Throws<RootArrayException>(() => network.InReceiver(() => XdpRootArray.LoadSlot(network.Name, 0, image)));
            Assert.Equal($"Root array not attached to interface {network.Name}.", none.Message);
            network.InReceiver(() => XdpRootArray.Attach(network.Name, new RootArrayAttachOptions { Mode = Ebpf.Loader.Links.XdpMode.Generic, Slots = 4 }));
            RootArrayException range = Assert.Throws<RootArrayException>(() => network.InReceiver(() => XdpRootArray.LoadSlot(network.Name, 4, image)));
            Assert.Equal($"slot 4 is out of range: the root array on {network.Name} has 4 slots (0..3)", range.Message);
            RootArrayException unknown = Assert.Throws<RootArrayException>(() => network.InReceiver(() => XdpRootArray.LoadSlot(network.Name, 0, image, "Nope")));
            Assert.Equal("the image has no program 'Nope'", unknown.Message);
            Assert.Throws<RootArrayException>(() => network.InReceiver(() => XdpRootArray.UnloadSlot(network.Name, -1)));
        }

        private static VerdictCounters CountersWhen(RootArrayNetwork network, int row, ulong total)
        {
            using AttachedRootArray array = AttachedRootArray.Open(network.Name);
            System.DateTime deadline = System.DateTime.UtcNow.AddSeconds(3);
            while (array.Counters(row).Total < total && System.DateTime.UtcNow < deadline)
            {
                System.Threading.Thread.Sleep(25);
            }

            System.Threading.Thread.Sleep(100);
            return array.Counters(row);
        }
    }
}
