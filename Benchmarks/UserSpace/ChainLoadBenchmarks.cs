using BenchmarkDotNet.Attributes;
using Ebpf.Loader.Loading;
using Ebpf.Programs.TailChain;

namespace Ebpf.Benchmarks.UserSpace
{
    /// <summary>
    /// What loading a tail chain costs in user space and in the verifier: create its maps, relocate and load its three
    /// programs, fill its PROG_ARRAY, then close everything.
    /// </summary>
    public class ChainLoadBenchmarks
    {
        /// <summary><see cref="XdpChain"/> through <see cref="Collection.Load"/>.</summary>
        [Benchmark]
        public int LoadXdpChain()
        {
            using LoadedCollection chain = Collection.Load(XdpChain.Image);
            return chain.Programs.Count;
        }

        /// <summary><see cref="EgressChain"/> through <see cref="Collection.Load"/>.</summary>
        [Benchmark]
        public int LoadEgressChain()
        {
            using LoadedCollection chain = Collection.Load(EgressChain.Image);
            return chain.Programs.Count;
        }
    }
}
