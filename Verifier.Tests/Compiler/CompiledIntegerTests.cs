using System.Collections.Generic;
using Ebpf.Compiler.Tests.FrontEnd.Programs;
using Ebpf.Verifier.Tests.Differential;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Compiler
{
    /// <summary>Integer C# compiled by the front end computes in the kernel exactly what the CLR computes.</summary>
    public sealed class CompiledIntegerTests : KernelTest
    {
        public static IEnumerable<TheoryDataRow<long, long>> Inputs() => new[]
        {
            new TheoryDataRow<long, long>(0, 0),
            new TheoryDataRow<long, long>(1, 2),
            new TheoryDataRow<long, long>(-1, 1),
            new TheoryDataRow<long, long>(-7, 33),
            new TheoryDataRow<long, long>(int.MaxValue, 31),
            new TheoryDataRow<long, long>(int.MinValue, 63),
            new TheoryDataRow<long, long>(0x1234_5678_9ABC_DEF0, -5),
            new TheoryDataRow<long, long>(long.MinValue, 65),
            new TheoryDataRow<long, long>(200, -300),
            new TheoryDataRow<long, long>(0xFFFF, 0x7FFF_FFFF),
        };

        [Theory]
        [MemberData(nameof(Inputs))]
        public void Kernel_and_clr_agree_on_every_result(long x, long y)
        {
            using var harness = new DifferentialHarness(CompiledPrograms.Compile("IntegerSemantics", "IntegerSemantics.cs"), typeof(IntegerSemantics));
            harness.SetArrayEntry("Inputs", 0, x);
            harness.SetArrayEntry("Inputs", 1, y);

            string? difference = harness.Step(nameof(IntegerSemantics.Compute), $"x={x},y={y}", Packets.Ipv4Udp());

            Assert.Null(difference);
            Assert.Equal("1", harness.LastClrVerdict);
            Assert.Equal(y, IntegerSemantics.Inputs.Lookup(1)!.Value);
        }
    }
}
