using Ebpf.Asm;
using Ebpf.Compiler.IR;
using Ebpf.Compiler.Passes;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    public sealed class PassPipelineTests
    {
        /// <summary>A deliberately wrong pass: drops every block's terminator.</summary>
        private sealed class DropTerminators : IrPass
        {
            public override string Name => "drop-terminators";

            public override bool Run(IrFunction function)
            {
                foreach (BasicBlock block in function.Blocks)
                {
                    block.Instructions.RemoveAt(block.Instructions.Count - 1);
                }

                return true;
            }
        }

        [Fact]
        public void Verification_between_passes_names_the_pass_that_broke_the_IR()
        {
            var pipeline = new PassPipeline(new IrPass[] { new ConstantFolding(), new DropTerminators() }) { VerifyBetweenPasses = true };
            var failure = Assert.Throws<IrVerificationException>(() => pipeline.Run(Samples.EthernetCheck()));
            Assert.Equal("after pass drop-terminators:", failure.Problems[0]);
        }

        [Fact]
        public void The_default_pipeline_reaches_a_fixed_point_on_a_bounds_checked_program()
        {
            IrFunction function = Samples.EthernetCheck();
            PassPipeline pipeline = PassPipeline.CreateDefault();
            pipeline.Run(function);
            string once = function.ToString();
            Assert.False(pipeline.Run(function));
            Assert.Equal(once, function.ToString());
        }

        [Fact]
        public void The_backend_refuses_malformed_IR()
        {
            var f = new IrFunctionBuilder("broken", IrType.I64);
            f.At(f.Block("entry"));
            f.Move(IrFunctionBuilder.I64(1));
            Assert.Throws<IrVerificationException>(() => Backend.BpfBackend.Compile(f.Function, ProgramType.Xdp));
        }
    }
}
