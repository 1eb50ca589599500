using System;
using Ebpf.Loader.Sys;

namespace Ebpf.Verifier.Tests.Infrastructure
{
    /// <summary>
    /// Replaces <see cref="BpfSyscall.Handler"/> (the one seam) for the life of the object, so a test can script
    /// what "the kernel" answers; the previous handler is restored on dispose.
    /// </summary>
    public sealed unsafe class FakeBpf : IDisposable
    {
        private readonly BpfSyscallHandler previous;

        /// <summary>Installs <paramref name="script"/>.</summary>
        public FakeBpf(ScriptedBpf script)
        {
            previous = BpfSyscall.Handler;
            BpfSyscallHandler real = previous;
            BpfSyscall.Handler = (command, attr, size) => script(command, attr, size, real);
        }

        /// <summary>Restores the previous handler.</summary>
        public void Dispose() => BpfSyscall.Handler = previous;
    }
}
