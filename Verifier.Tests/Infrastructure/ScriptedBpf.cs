using Ebpf.Loader.Sys;

namespace Ebpf.Verifier.Tests.Infrastructure
{
    /// <summary>What a scripted kernel answers; <paramref name="real"/> performs the real call when the script passes one on.</summary>
    public unsafe delegate long ScriptedBpf(BpfCommand command, void* attr, uint size, BpfSyscallHandler real);
}
