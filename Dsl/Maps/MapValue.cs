namespace Ebpf.Dsl.Maps
{
    /// <summary>
    /// A value that lives in a map, as a map lookup returns it: a reference, so writes through <see cref="Value"/>
    /// change the map. A lookup returns <c>MapValue&lt;T&gt;?</c>, <see langword="null"/> when there is no such entry;
    /// nullable flow analysis (warnings as errors) refuses a dereference that is not dominated by a null check.
    /// </summary>
    /// <typeparam name="T">The map's value type.</typeparam>
    /// <remarks>
    /// Kernel: the PTR_TO_MAP_VALUE_OR_NULL that <c>bpf_map_lookup_elem</c> returns, which the verifier only lets a
    /// program use after <c>if (value != NULL)</c>. The reference stays usable after the entry is deleted or replaced
    /// (the kernel frees it after an RCU grace period), but then no longer aliases the map's current entry.
    /// </remarks>
    public sealed class MapValue<T>
        where T : unmanaged
    {
        private T _stored;

        internal MapValue()
        {
        }

        internal MapValue(in T value)
        {
            _stored = value;
        }

        /// <summary>The value in the map, by reference.</summary>
        public ref T Value => ref _stored;
    }
}
