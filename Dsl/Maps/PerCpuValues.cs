using System.Collections.Generic;

namespace Ebpf.Dsl.Maps
{
    /// <summary>One map entry's values, one per simulated CPU, created zeroed on first touch.</summary>
    internal sealed class PerCpuValues<T>
        where T : unmanaged
    {
        private readonly List<MapValue<T>> _values = new();

        public MapValue<T> For(int cpu)
        {
            lock (_values)
            {
                while (_values.Count <= cpu)
                {
                    _values.Add(new MapValue<T>());
                }

                return _values[cpu];
            }
        }
    }
}
