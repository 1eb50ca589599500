using System.Collections.Generic;
using Ebpf.Compiler.Tests.FrontEnd.Programs;
using Ebpf.Dsl;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
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
            using LoadedCollection collection = Collection.Load(CompiledPrograms.Compile("IntegerSemantics", "IntegerSemantics.cs"));
            var inputs = new ArrayView<long>(collection.Map("Inputs"));
            inputs.Update(0, x);
            inputs.Update(1, y);
            uint kernelVerdict = collection.Program("Compute").TestRun(Packets.Ipv4Udp()).ReturnValue;
            long[] kernel = new ArrayView<long>(collection.Map("Results")).ToArray();

            long[] clr;
            uint clrVerdict;
            using (BpfRuntime.Enter(new BpfRuntime()))
            {
                IntegerSemantics.Inputs.Clear();
                IntegerSemantics.Results.Clear();
                IntegerSemantics.Inputs.Lookup(0)!.Value = x;
                IntegerSemantics.Inputs.Lookup(1)!.Value = y;
                clrVerdict = IntegerSemantics.Compute(new SkBuffContext(Packets.Ipv4Udp()));
                clr = new long[16];
                for (uint i = 0; i < clr.Length; i++)
                {
                    clr[i] = IntegerSemantics.Results.Lookup(i)!.Value;
                }
            }

            Assert.Equal(1u, clrVerdict);
            Assert.Equal(clrVerdict, kernelVerdict);
            Assert.Equal(clr, kernel);
        }
    }
}
