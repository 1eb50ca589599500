using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Ebpf.Asm;
using Ebpf.Compiler.FrontEnd;
using Ebpf.Dsl;
using Ebpf.Loader.Programs;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Compiler
{
    /// <summary>
    /// The kernel is the oracle of EBPF4004: for every helper a DSL member calls and each of the DSL's program types,
    /// the running kernel's verifier must accept the helper exactly when <see cref="HelperAvailability"/> says so.
    /// </summary>
    /// <remarks>
    /// The probe is <c>call N; r0 = 0; exit</c> with the argument registers unset. The verifier looks the helper up
    /// for the program type (<c>get_func_proto</c>) before it checks any argument, so a helper the type may not call
    /// fails with "program of this type cannot use helper", and one it may call either loads (no arguments) or
    /// fails later, on an unset argument ("R2 !read_ok"; r1 holds the context on entry). Run as root: a few helpers (bpf_trace_printk) are offered
    /// only to perfmon-capable loaders.
    /// </remarks>
    public sealed class HelperAvailabilityKernelTests : KernelTest
    {
        private const string NotAllowed = "program of this type cannot use helper";

        [Fact]
        public void The_table_matches_what_the_kernel_verifier_accepts_for_every_DSL_helper_and_program_type()
        {
            var mismatches = new List<string>();
            var observed = new List<string>();
            foreach ((int id, string kernelName) in DslHelpers())
            {
                var allowedBy = new List<string>();
                foreach (ProgramType type in HelperAvailability.ProgramTypes)
                {
                    bool kernel = KernelAllows(id, kernelName, type);
                    if (kernel)
                    {
                        allowedBy.Add(type.ToString());
                    }

                    if (kernel != HelperAvailability.IsAllowed(id, type))
                    {
                        mismatches.Add($"{kernelName} (#{id}) × {type}: kernel {(kernel ? "allows" : "rejects")}, table {(kernel ? "rejects" : "allows")}");
                    }
                }

                observed.Add($"{id} {kernelName}: {string.Join(", ", allowedBy)}");
            }

            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches) + "\nkernel:\n" + string.Join("\n", observed));
        }

        [Fact]
        public void The_table_covers_every_helper_a_DSL_member_calls()
        {
            var missing = DslHelpers().Where(h => !HelperAvailability.IsKnown(h.Id)).Select(h => h.KernelName).ToList();

            Assert.NotEmpty(DslHelpers());
            Assert.True(missing.Count == 0, "no availability for: " + string.Join(", ", missing));
        }

        [Fact]
        public void The_probe_tells_an_unavailable_helper_from_an_argument_error()
        {
            // bpf_xdp_adjust_head (#44) is XDP's alone; in XDP the same probe gets past the helper's lookup and fails on
            // its unset second argument (r1 holds the context on entry).
            VerifierException socketFilter = Assert.Throws<VerifierException>(() => Probe(44, ProgramType.SocketFilter));
            VerifierException xdp = Assert.Throws<VerifierException>(() => Probe(44, ProgramType.Xdp));

            Assert.Contains(NotAllowed + " bpf_xdp_adjust_head#44", socketFilter.Log.Text);
            Assert.DoesNotContain(NotAllowed, xdp.Log.Text);
            Assert.Contains("R2 !read_ok", xdp.Log.Text);
        }

        private static bool KernelAllows(int id, string kernelName, ProgramType type)
        {
            try
            {
                Probe(id, type);
                return true;
            }
            catch (VerifierException error)
            {
                if (error.Log.Text.Contains(NotAllowed + " " + kernelName + "#" + id, StringComparison.Ordinal))
                {
                    return false;
                }

                Assert.DoesNotContain(NotAllowed, error.Log.Text);
                Assert.DoesNotContain("unknown func", error.Log.Text);
                Assert.DoesNotContain("invalid func", error.Log.Text);
                return true;
            }
        }

        private static void Probe(int id, ProgramType type)
        {
            ProgramImage image = AsmPrograms.FromText($"call {id}\nr0 = 0\nexit\n", "probe_" + id, type);
            using BpfProgram program = BpfProgram.Load(image);
        }

        private static List<(int Id, string KernelName)> DslHelpers() =>
            typeof(HelperCallAttribute).Assembly.GetTypes()
                .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .SelectMany(m => m.GetCustomAttributes<HelperCallAttribute>())
                .Select(a => (a.Id, a.KernelName))
                .Distinct()
                .OrderBy(h => h.Id)
                .ToList();
    }
}
