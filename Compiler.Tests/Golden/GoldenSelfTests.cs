using System;
using System.Linq;
using System.Reflection;
using Ebpf.Dsl;
using Xunit;

namespace Ebpf.Compiler.Tests.Golden
{
    /// <summary>The golden tests' own machinery: the failure diff is readable and no DSL program attribute escapes them.</summary>
    public sealed class GoldenSelfTests
    {
        [Fact]
        public void A_changed_instruction_fails_with_a_unified_diff_of_just_the_changed_lines()
        {
            string golden = string.Join("\n", Enumerable.Range(0, 20).Select(i => $"{i}: r{i % 10} = {i}")) + "\n";
            string compiled = golden.Replace("7: r7 = 7\n", "7: r7 = 70\n", StringComparison.Ordinal)
                .Replace("13: r3 = 13\n", string.Empty, StringComparison.Ordinal);

            string diff = LineDiff.Unified(golden, compiled, "golden X.lst", "compiled X");

            Assert.Equal(
                string.Join("\n",
                    "--- golden X.lst",
                    "+++ compiled X",
                    "@@ -5,13 +5,12 @@",
                    " 4: r4 = 4",
                    " 5: r5 = 5",
                    " 6: r6 = 6",
                    "-7: r7 = 7",
                    "+7: r7 = 70",
                    " 8: r8 = 8",
                    " 9: r9 = 9",
                    " 10: r0 = 10",
                    " 11: r1 = 11",
                    " 12: r2 = 12",
                    "-13: r3 = 13",
                    " 14: r4 = 14",
                    " 15: r5 = 15",
                    " 16: r6 = 16"),
                diff);
            Assert.StartsWith("--- a\n+++ b\n@@ -16,5 +16,6 @@\n 15: r5 = 15", LineDiff.Unified(golden, golden.Replace("17: r7 = 17\n", "17: r7 = 17\nnew\n", StringComparison.Ordinal), "a", "b"), StringComparison.Ordinal);
            Assert.Equal(string.Empty, LineDiff.Unified(golden, golden, "a", "b"));
        }

        [Fact]
        public void Every_dsl_attribute_allowed_on_methods_is_known_as_a_program_attribute_or_not()
        {
            Type[] onMethods = typeof(XdpAttribute).Assembly.GetTypes()
                .Where(type => typeof(Attribute).IsAssignableFrom(type))
                .Where(type => (type.GetCustomAttribute<AttributeUsageAttribute>()?.ValidOn & AttributeTargets.Method) != 0)
                .ToArray();

            Assert.Empty(onMethods.Except(ShippedProgramMethods.ProgramAttributes).Except(ShippedProgramMethods.OtherMethodAttributes));
            Assert.Contains(typeof(XdpSlotAttribute), onMethods);
        }
    }
}
