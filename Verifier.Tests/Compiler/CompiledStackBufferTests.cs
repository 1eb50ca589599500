using Ebpf.Compiler.Tests.FrontEnd.Programs;
using Ebpf.Dsl;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Compiler
{
    /// <summary>A <c>stackalloc</c> buffer filled by bpf_xdp_load_bytes and a header checksummed by bpf_csum_diff, kernel against CLR.</summary>
    public sealed class CompiledStackBufferTests : KernelTest
    {
        [Theory]
        [InlineData(64)]
        [InlineData(17)]
        [InlineData(18)]
        [InlineData(30)]
        public void Kernel_and_clr_agree_on_loaded_bytes_and_checksum(int length)
        {
            byte[] packet = length >= 42 ? Packets.Ipv4Udp(length) : new byte[length];
            for (int i = 0; i < packet.Length && length < 42; i++)
            {
                packet[i] = (byte)(i * 7 + 1);
            }

            using LoadedCollection collection = Collection.Load(CompiledPrograms.Compile("StackBuffers", "StackBuffers.cs"));
            TestRunResult run = collection.Program("Sample").TestRun(packet);
            ulong[] kernelSeen = new ArrayView<ulong>(collection.Map("Seen")).ToArray();

            XdpAction clrVerdict;
            var clrSeen = new ulong[4];
            using (BpfRuntime.Enter(new BpfRuntime()))
            {
                StackBuffers.Seen.Clear();
                clrVerdict = StackBuffers.Sample(new XdpContext(packet));
                for (uint i = 0; i < clrSeen.Length; i++)
                {
                    clrSeen[i] = StackBuffers.Seen.Lookup(i)!.Value;
                }
            }

            Assert.Equal((uint)clrVerdict, run.ReturnValue);
            Assert.Equal(clrSeen, kernelSeen);
            Assert.Equal(length >= 18 ? 0UL : unchecked((ulong)(long)-Errno.EINVAL), clrSeen[0]);
        }
    }
}
