using System;

namespace Ebpf.Loader.Sys
{
    /// <summary>
    /// A reference on a <see cref="BpfFd"/> held for the length of one system call: while the lease lives the
    /// descriptor cannot be closed (a racing <see cref="IDisposable.Dispose"/> or the finaliser defers the close
    /// to the lease's end), so its number cannot be reused for another file under the kernel's feet.
    /// </summary>
    /// <remarks>
    /// Take one with <see cref="BpfFd.Lease"/> in a <c>using</c> declaration, put <see cref="Number"/> in the attr,
    /// make the call, and let the lease end. The <c>default</c> lease holds nothing and has number 0
    /// (the kernel's "no fd" in optional attr fields).
    /// </remarks>
    public ref struct BpfFdLease
    {
        private BpfFd? owner;

        internal BpfFdLease(BpfFd owner)
        {
            bool added = false;
            owner.DangerousAddRef(ref added); // throws ObjectDisposedException once the handle is closed
            this.owner = owner;
            Value = (int)owner.DangerousGetHandle();
        }

        /// <summary>The descriptor number, valid until <see cref="Dispose"/>.</summary>
        public readonly int Value { get; }

        /// <summary>The descriptor number as the kernel's attr structs spell it (<c>__u32</c>).</summary>
        public readonly uint Number => (uint)Value;

        /// <summary>Ends the lease; a close requested meanwhile happens now. Safe to call twice.</summary>
        public void Dispose()
        {
            BpfFd? leased = owner;
            owner = null;
            leased?.DangerousRelease();
        }
    }
}
