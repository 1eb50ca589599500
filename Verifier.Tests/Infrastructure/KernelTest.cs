using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Ebpf.Verifier.Tests.Infrastructure
{
    /// <summary>
    /// Base of every test that needs the kernel: gates on bpf() (see <see cref="KernelRequirement"/>) and, after
    /// the test, fails it if it left BPF file descriptors open.
    /// </summary>
    public abstract class KernelTest : IDisposable
    {
        private readonly Dictionary<int, string> before;

        /// <summary>Checks bpf() and records the open BPF fds.</summary>
        protected KernelTest()
        {
            KernelRequirement.RequireBpf();
            before = BpfFds.Snapshot();
        }

        /// <summary>Fails when the test leaked BPF fds.</summary>
        public void Dispose()
        {
            Dictionary<int, string> after = BpfFds.Snapshot();
            var leaked = after.Where(fd => !before.TryGetValue(fd.Key, out string? target) || target != fd.Value)
                .Select(fd => $"fd {fd.Key} → {fd.Value}")
                .ToList();
            GC.SuppressFinalize(this);
            Assert.True(leaked.Count == 0, "the test leaked BPF file descriptors: " + string.Join(", ", leaked));
        }
    }
}
