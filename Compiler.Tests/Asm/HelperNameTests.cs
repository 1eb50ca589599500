using Ebpf.Asm;
using Xunit;

namespace Ebpf.Compiler.Tests.Asm
{
    /// <summary>Helpers by C name in text, and by <see cref="HelperFunction"/> in builders.</summary>
    public sealed class HelperNameTests
    {
        [Fact]
        public void Helper_ids_follow_the_kernel_numbering()
        {
            Assert.Equal(1, (int)HelperFunction.MapLookupElem);
            Assert.Equal(12, (int)HelperFunction.TailCall);
            Assert.Equal(51, (int)HelperFunction.RedirectMap);
            Assert.Equal(130, (int)HelperFunction.RingbufOutput);
            Assert.Equal(211, (int)HelperFunction.CgrpStorageDelete);
            Assert.Equal("bpf_map_lookup_elem", HelperFunctionNames.NameOf(1));
            Assert.Equal("bpf_l3_csum_replace", HelperFunctionNames.NameOf((int)HelperFunction.L3CsumReplace));
            Assert.Null(HelperFunctionNames.NameOf(0));
            Assert.Null(HelperFunctionNames.NameOf(5000));
        }

        [Fact]
        public void Every_helper_name_round_trips_through_text()
        {
            var named = new DisassemblyOptions { HelperNames = true };
            for (int id = 1; id <= (int)HelperFunction.CgrpStorageDelete; id++)
            {
                Instruction call = Emit.CallHelper((HelperFunction)id);
                string text = Disassembler.Format(call, named);
                Assert.Equal("call " + HelperFunctionNames.NameOf(id), text);
                Assert.True(HelperFunctionNames.TryParse(text.Substring(5), out HelperFunction parsed));
                Assert.Equal((HelperFunction)id, parsed);
                Assert.Equal(call, Assembler.Assemble(text, "p", ProgramType.Xdp).Instructions[0]);
            }

            Assert.Equal("call 5000", Disassembler.Format(Emit.CallHelper(5000), named));
        }

        [Fact]
        public void A_label_wins_over_a_helper_of_the_same_name()
        {
            ProgramImage image = Assembler.Assemble("call bpf_tail_call\nexit\nbpf_tail_call:\nexit", "p", ProgramType.Xdp);
            Assert.Equal(Emit.CallLocal(1), image.Instructions[0]);
            Assert.Equal(Emit.CallHelper(HelperFunction.TailCall), Assembler.Assemble("call bpf_tail_call", "p", ProgramType.Xdp).Instructions[0]);
        }
    }
}
