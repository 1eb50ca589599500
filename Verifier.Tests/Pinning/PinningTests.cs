using System;
using System.IO;
using Ebpf.Asm;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Pinning
{
    public sealed class PinningTests : KernelTest
    {
        [Fact]
        public void A_pinned_map_is_the_same_map_through_a_second_handle()
        {
            using var pins = new PinDirectory();
            string path = pins["counters"];
            using BpfMap first = BpfMap.Create(new MapDefinition("counters", MapType.Array, 4, 8, 4));
            first.Pin(path);

            using BpfMap second = BpfMap.OpenPinned(path);
            new ArrayView<ulong>(first)[3] = 12345;

            Assert.Equal(first.Id, second.Id);
            Assert.Equal("counters", second.Name);
            Assert.Equal(12345ul, new ArrayView<ulong>(second)[3]);
        }

        [Fact]
        public void A_pinned_map_outlives_its_creating_fd_until_unpinned()
        {
            using var pins = new PinDirectory();
            string path = pins["deep/er/state"];
            uint id;
            using (BpfMap map = BpfMap.Create(new MapDefinition("state", MapType.Hash, 4, 4, 4)))
            {
                map.Pin(path);
                new HashView<uint, uint>(map).Set(1, 2);
                id = map.Id;
            }

            using (BpfMap again = BpfMap.OpenPinned(path))
            {
                Assert.Equal(id, again.Id);
                Assert.True(new HashView<uint, uint>(again).TryGetValue(1, out uint value));
                Assert.Equal(2u, value);
            }

            Assert.True(BpfFs.Unpin(path));
            Assert.False(BpfFs.Exists(path));
            BpfException gone = Assert.Throws<BpfException>(() => BpfMap.OpenPinned(path));
            Assert.Equal(Errno.ENOENT, gone.Errno);
            Assert.Contains(path, gone.Message);
        }

        [Fact]
        public void A_pinned_program_reopens_and_runs()
        {
            using var pins = new PinDirectory();
            using (BpfProgram program = BpfProgram.Load(AsmPrograms.FromText("r0 = 1\nexit\n", "drop_all", ProgramType.Xdp)))
            {
                program.Pin(pins["drop_all"]);
            }

            using BpfProgram reopened = BpfProgram.OpenPinned(pins["drop_all"]);

            Assert.Equal("drop_all", reopened.Name);
            Assert.Equal(ProgramType.Xdp, reopened.Type);
            Assert.Equal(1u, reopened.TestRun(Packets.Ipv4Udp()).ReturnValue);
        }

        [Fact]
        public void A_map_opened_by_id_is_the_same_map()
        {
            using BpfMap map = BpfMap.Create(new MapDefinition("by_id", MapType.Hash, 4, 4, 2));
            new HashView<uint, uint>(map).Set(7, 49);

            using BpfMap again = BpfMap.OpenById(map.Id);

            Assert.Equal(map.Info, again.Info);
            Assert.True(new HashView<uint, uint>(again).TryGetValue(7, out uint value));
            Assert.Equal(49u, value);
        }

        [Fact]
        public void Pinning_under_the_default_root_mounts_bpffs_there()
        {
            using var pins = new PinDirectory();

            Assert.True(BpfFs.IsMounted(BpfFs.DefaultRoot));
            Assert.True(Directory.Exists(pins.Path));
        }

        [Fact]
        public void Pinning_twice_at_one_path_says_so()
        {
            using var pins = new PinDirectory();
            using BpfMap map = BpfMap.Create(new MapDefinition("m", MapType.Array, 4, 4, 1));
            map.Pin(pins["m"]);

            BpfException error = Assert.Throws<BpfException>(() => map.Pin(pins["m"]));

            Assert.Equal(Errno.EEXIST, error.Errno);
            Assert.Contains("already pinned", error.Message);
        }

        [Fact]
        public void Bpffs_is_mounted_where_it_is_missing_and_only_once()
        {
            string mountPoint = Path.Combine(Path.GetTempPath(), "ebpf-test-bpffs-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                Assert.False(BpfFs.IsMounted(mountPoint));

                bool mounted = BpfFs.EnsureMounted(mountPoint);
                bool mountedAgain = BpfFs.EnsureMounted(mountPoint);

                Assert.True(mounted);
                Assert.False(mountedAgain);
                Assert.True(BpfFs.IsMounted(mountPoint));
            }
            finally
            {
                if (BpfFs.IsMounted(mountPoint))
                {
                    Shell.Check("umount", mountPoint);
                }

                if (Directory.Exists(mountPoint))
                {
                    Directory.Delete(mountPoint);
                }
            }
        }
    }
}
