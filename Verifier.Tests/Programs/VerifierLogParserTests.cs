using Ebpf.Loader.Programs;
using Xunit;

namespace Ebpf.Verifier.Tests.Programs
{
    /// <summary>Parsing verifier logs needs no kernel.</summary>
    public sealed class VerifierLogParserTests
    {
        [Fact]
        public void The_verifier_log_parser_skips_statistics_for_the_summary()
        {
            var log = new VerifierLog("0: R1=ctx() R10=fp0\n0: (b7) r0 = 0\n1: (61) r0 = *(u32 *)(r2 +0)\nR2 !read_ok\nprocessed 2 insns (limit 1000000) max_states_per_insn 0\n");

            Assert.Equal(1, log.FailingSlot);
            Assert.Equal("R2 !read_ok", log.Summary);
            Assert.Equal(5, log.Lines.Count);
            Assert.Equal("R2 !read_ok\nprocessed 2 insns (limit 1000000) max_states_per_insn 0", log.Tail(2));
            Assert.Null(new VerifierLog(string.Empty).FailingSlot);
            Assert.Equal(string.Empty, new VerifierLog("processed 0 insns").Summary);
            Assert.Empty(new VerifierLog("\n\n").Lines);
        }
    }
}
