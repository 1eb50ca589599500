using System;
using Ebpf.Asm;

namespace Ebpf.Dsl.Maps
{
    /// <summary>
    /// A table of network interfaces (ifindex per slot) an XDP program redirects frames to, declared as a static field:
    /// <c>static readonly DeviceMap Ports = new(maxEntries: 64);</c>.
    /// </summary>
    /// <remarks>Kernel: BPF_MAP_TYPE_DEVMAP, since 4.14 (value <c>struct bpf_devmap_val</c>, 4-byte form: the ifindex).</remarks>
    public sealed class DeviceMap
    {
        private readonly uint?[] _interfaces;

        /// <summary>Declares the map.</summary>
        /// <param name="maxEntries">The number of slots (at least 1).</param>
        /// <param name="pinning">Whether the loader pins the map by name.</param>
        public DeviceMap(int maxEntries, MapPinning pinning = MapPinning.None)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
            MaxEntries = maxEntries;
            Pinning = pinning;
            _interfaces = new uint?[maxEntries];
        }

        /// <summary>The number of slots (max_entries).</summary>
        public int MaxEntries { get; }

        /// <summary>Whether the loader pins the map.</summary>
        public MapPinning Pinning { get; }

        /// <summary>The interface a successful <see cref="Redirect"/> chose last, for tests.</summary>
        [ManagedOnly]
        public uint? LastRedirectTarget { get; private set; }

        /// <summary>
        /// Redirects the frame to the interface in slot <paramref name="key"/>; return the result from the program.
        /// </summary>
        /// <param name="key">The slot.</param>
        /// <param name="fallback">What to return when the slot is empty or out of range: Aborted, Drop, Pass or Tx
        /// (the low two bits of the kernel's flags).</param>
        /// <returns><see cref="XdpAction.Redirect"/>, or <paramref name="fallback"/>; Aborted for a fallback beyond Tx.</returns>
        /// <remarks>Kernel: <c>bpf_redirect_map</c>, helper 51, since 4.14; fallback action in flags since 5.6.</remarks>
        [HelperCall(51, "bpf_redirect_map", "4.14")]
        public XdpAction Redirect(uint key, XdpAction fallback = XdpAction.Aborted)
        {
            if (fallback > XdpAction.Tx)
            {
                return XdpAction.Aborted;
            }

            uint? target = key < (uint)MaxEntries ? _interfaces[key] : null;
            if (target is null)
            {
                return fallback;
            }

            LastRedirectTarget = target;
            return XdpAction.Redirect;
        }

        /// <summary>Puts interface <paramref name="ifindex"/> into slot <paramref name="key"/>, as user space does.</summary>
        /// <param name="key">The slot.</param>
        /// <param name="ifindex">The interface index.</param>
        [ManagedOnly]
        public void Set(uint key, uint ifindex)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(key, (uint)MaxEntries);
            _interfaces[key] = ifindex;
        }

        /// <summary>Empties slot <paramref name="key"/>.</summary>
        /// <param name="key">The slot.</param>
        [ManagedOnly]
        public void Clear(uint key)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(key, (uint)MaxEntries);
            _interfaces[key] = null;
        }
    }
}
