using System;
using Ebpf.Loader.Net;

namespace Ebpf.Verifier.Tests.Infrastructure
{
    /// <summary>A private network namespace (emns…) for one test, deleted with everything in it on dispose.</summary>
    public sealed class NetworkNamespace : IDisposable
    {
        private readonly Ebpf.Loader.Net.NetworkNamespace inner;

        /// <summary>Creates the namespace with a unique name.</summary>
        public NetworkNamespace()
        {
            KernelRequirement.Require(SystemTool.Run("ip", "-V").ExitCode == 0, "the ip tool (iproute2) is missing");
            inner = new Ebpf.Loader.Net.NetworkNamespace("emns" + Guid.NewGuid().ToString("N").Substring(0, 8));
        }

        /// <summary>The namespace's name.</summary>
        public string Name => inner.Name;

        /// <summary>The loader's namespace object behind this one (for <see cref="VethBetweenNamespaces"/>).</summary>
        public Ebpf.Loader.Net.NetworkNamespace Namespace => inner;

        /// <summary>Runs a command inside the namespace (ip netns exec).</summary>
        public (int ExitCode, string Output) Run(string file, params string[] arguments) => inner.Run(file, arguments);

        /// <summary>Runs a command inside the namespace and throws when it fails.</summary>
        public string Check(string file, params string[] arguments) => inner.Check(file, arguments);

        /// <summary>Moves the calling thread into the namespace until the returned object is disposed.</summary>
        public IDisposable Enter() => inner.Enter();

        /// <summary>Deletes the namespace (and the interfaces in it).</summary>
        public void Dispose() => inner.Dispose();
    }
}
