using System;
using BenchmarkDotNet.Attributes;
using Ebpf.Asm;
using Ebpf.Loader.Maps;
using Ebpf.Programs.TailChain;

namespace Ebpf.Benchmarks.UserSpace
{
    /// <summary>One map element read and written through the loader's views, through BpfMap's byte API, and by raw syscall.</summary>
    [MemoryDiagnoser]
    public class MapAccessBenchmarks
    {
        private BpfMap _array = null!;
        private ArrayView<ulong> _arrayView = null!;
        private BpfMap _perCpu = null!;
        private PerCpuArrayView<TailContext> _perCpuView = null!;
        private readonly byte[] _key = new byte[4];
        private readonly byte[] _value = new byte[8];

        /// <summary>Creates a one-entry ARRAY (u32 → u64) and a one-entry PERCPU_ARRAY of <see cref="TailContext"/>.</summary>
        [GlobalSetup]
        public void CreateMaps()
        {
            _array = BpfMap.Create(new MapDefinition("bench_array", MapType.Array, 4, 8, 1));
            _arrayView = new ArrayView<ulong>(_array);
            _perCpu = BpfMap.Create(new MapDefinition("bench_percpu", MapType.PerCpuArray, 4, 2, 1));
            _perCpuView = new PerCpuArrayView<TailContext>(_perCpu);
        }

        /// <summary>Closes the maps.</summary>
        [GlobalCleanup]
        public void CloseMaps()
        {
            _array.Dispose();
            _perCpu.Dispose();
        }

        /// <summary>The baseline: BPF_MAP_LOOKUP_ELEM by hand.</summary>
        [Benchmark(Baseline = true)]
        public unsafe ulong RawSyscallLookup()
        {
            ulong value;
            return RawMapSyscall.Lookup(_array.Fd.Value, 0, &value) ? value : throw new InvalidOperationException("lookup failed");
        }

        /// <summary>BPF_MAP_UPDATE_ELEM by hand.</summary>
        [Benchmark]
        public bool RawSyscallUpdate() => RawMapSyscall.Update(_array.Fd.Value, 0, 42);

        /// <summary><see cref="ArrayView{T}"/>'s indexer.</summary>
        [Benchmark]
        public ulong ArrayViewLookup() => _arrayView[0];

        /// <summary><see cref="ArrayView{T}.Update"/>.</summary>
        [Benchmark]
        public void ArrayViewUpdate() => _arrayView.Update(0, 42);

        /// <summary><see cref="BpfMap.TryLookup"/> with caller-owned buffers.</summary>
        [Benchmark]
        public bool BpfMapTryLookup() => _array.TryLookup(_key, _value);

        /// <summary><see cref="PerCpuArrayView{T}.Get"/>: one value per possible CPU.</summary>
        [Benchmark]
        public TailContext[] PerCpuViewGet() => _perCpuView.Get(0);
    }
}
