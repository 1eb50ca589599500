using System.IO;
using Ebpf.Loader.Maps;
using Xunit;

namespace Ebpf.Verifier.Tests.Maps
{
    /// <summary>The per-CPU layout rules need no kernel.</summary>
    public sealed class PossibleCpusTests
    {
        [Fact]
        public void Possible_cpus_come_from_sysfs_not_from_the_online_count()
        {
            int expected = PossibleCpus.Parse(File.ReadAllText("/sys/devices/system/cpu/possible"));

            Assert.Equal(expected, PossibleCpus.Count);
            Assert.Equal(4, PossibleCpus.Parse("0-3"));
            Assert.Equal(5, PossibleCpus.Parse("0,2-4,7\n"));
        }

        [Fact]
        public void Per_cpu_values_are_padded_to_8_bytes()
        {
            Assert.Equal(8, PossibleCpus.Stride(2));
            Assert.Equal(8, PossibleCpus.Stride(8));
            Assert.Equal(16, PossibleCpus.Stride(9));
        }
    }
}
