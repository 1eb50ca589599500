using System;
using Ebpf.Loader.Features;
using Xunit;

namespace Ebpf.Verifier.Tests.Infrastructure
{
    /// <summary>
    /// Gates tests on a usable bpf(): skips with the reason when it is not (not root, ENOSYS, EPERM), but fails
    /// when EBPF_REQUIRE_KERNEL=1, so that CI never counts a skipped kernel test as a pass.
    /// </summary>
    public static class KernelRequirement
    {
        private static readonly Lazy<string?> Missing = new Lazy<string?>(() =>
            KernelFeatures.BpfUsable(out string reason) ? null : reason);

        /// <summary>True when EBPF_REQUIRE_KERNEL=1: a missing kernel feature is a failure, not a skip.</summary>
        public static bool Required => Environment.GetEnvironmentVariable("EBPF_REQUIRE_KERNEL") == "1";

        /// <summary>Skips (or fails, when required) unless bpf() works.</summary>
        public static void RequireBpf() => Unless(Missing.Value, "bpf() is unusable");

        /// <summary>Skips (or fails) unless <paramref name="condition"/> holds.</summary>
        public static void Require(bool condition, string reason) => Unless(condition ? null : reason, reason);

        private static void Unless(string? problem, string what)
        {
            if (problem is null)
            {
                return;
            }

            string message = $"{what}: {problem}";
            if (Required)
            {
                Assert.Fail(message + " (EBPF_REQUIRE_KERNEL=1 makes this a failure)");
            }

            Assert.Skip(message);
        }
    }
}
