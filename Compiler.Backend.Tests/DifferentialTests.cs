using System.Linq;
using CsCheck;
using Ebpf.Asm;
using Ebpf.Compiler.IR;
using Ebpf.Compiler.Passes;
using Xunit;

namespace Ebpf.Compiler.Backend.Tests
{
    /// <summary>
    /// Random functions run three ways: the IR interpreter before passes, after passes, and the compiled eBPF on
    /// <see cref="BpfMachine"/>. All must agree, on random arguments.
    /// </summary>
    public sealed class DifferentialTests
    {
        private static readonly Gen<(int Seed, ulong A, uint B, ulong C)> Inputs =
            Gen.Select(Gen.Int, Gen.ULong, Gen.UInt, Gen.ULong);

        private static ulong Interpret(IrFunction function, ulong a, uint b, ulong c)
        {
            var interpreter = new IrInterpreter
            {
                Helpers = (id, arguments) => new InterpreterValue(RandomPrograms.Helper(id, arguments.Select(v => v.Bits).ToList())),
            };
            return interpreter.Run(function, new InterpreterValue(a), new InterpreterValue(b), new InterpreterValue(c)).Bits;
        }

        private static ulong Execute(IrFunction function, CpuVersion cpu, ulong a, uint b, ulong c)
        {
            ProgramImage image = BpfBackend.Compile(function, ProgramType.Xdp, new BackendOptions { Cpu = cpu });
            var machine = new BpfMachine(image) { Helpers = (id, registers) => RandomPrograms.Helper(id, registers) };
            return machine.Run(a, b, c);
        }

        [Fact]
        public void Passes_keep_the_meaning_of_random_functions()
        {
            Inputs.Sample(input =>
            {
                IrFunction original = RandomPrograms.Build(input.Seed, signedDivision: true, calls: true);
                IrFunction optimised = original.Clone();
                new PassPipeline(PassPipeline.CreateDefault().Passes) { VerifyBetweenPasses = true }.Run(optimised);
                Assert.Equal(Interpret(original, input.A, input.B, input.C), Interpret(optimised, input.A, input.B, input.C));
            }, iter: 400);
        }

        [Fact]
        public void Compiled_code_computes_what_the_IR_means_on_cpu_v3()
        {
            Inputs.Sample(input =>
            {
                IrFunction function = RandomPrograms.Build(input.Seed, signedDivision: false, calls: true);
                Assert.Equal(Interpret(function, input.A, input.B, input.C), Execute(function, CpuVersion.V3, input.A, input.B, input.C));
            }, iter: 400);
        }

        [Fact]
        public void Compiled_code_computes_what_the_IR_means_on_cpu_v4()
        {
            Inputs.Sample(input =>
            {
                IrFunction function = RandomPrograms.Build(input.Seed, signedDivision: true, calls: true);
                Assert.Equal(Interpret(function, input.A, input.B, input.C), Execute(function, CpuVersion.V4, input.A, input.B, input.C));
            }, iter: 400);
        }

        [Fact]
        public void Optimised_and_compiled_code_agrees_with_the_unoptimised_IR()
        {
            Inputs.Sample(input =>
            {
                IrFunction function = RandomPrograms.Build(input.Seed, signedDivision: true, calls: true);
                IrFunction optimised = function.Clone();
                PassPipeline.CreateDefault().Run(optimised);
                Assert.Equal(Interpret(function, input.A, input.B, input.C), Execute(optimised, CpuVersion.V4, input.A, input.B, input.C));
            }, iter: 400);
        }

        [Fact]
        public void Programs_with_BPF_to_BPF_calls_compile_correctly()
        {
            Inputs.Sample(input =>
            {
                IrFunction main = RandomPrograms.Build(input.Seed, signedDivision: true, calls: true, maxInstructions: 20, callee: "callee");
                IrFunction callee = RandomPrograms.Build(unchecked(input.Seed * 31 + 7), signedDivision: true, calls: true, name: "callee");
                IrModule module = BackendPrograms.Module(main, callee);
                var interpreter = new IrInterpreter(module)
                {
                    Helpers = (id, arguments) => new InterpreterValue(RandomPrograms.Helper(id, arguments.Select(v => v.Bits).ToList())),
                };
                ulong expected = interpreter.Run(main, new InterpreterValue(input.A), new InterpreterValue(input.B), new InterpreterValue(input.C)).Bits;
                ProgramImage image = BpfBackend.Compile(module, new BackendOptions { Cpu = CpuVersion.V4 });
                var machine = new BpfMachine(image) { Helpers = (id, registers) => RandomPrograms.Helper(id, registers) };
                Assert.Equal(expected, machine.Run(input.A, input.B, input.C));
            }, iter: 300);
        }

        [Fact]
        public void Long_functions_under_register_pressure_compile_correctly()
        {
            Inputs.Sample(input =>
            {
                IrFunction function = RandomPrograms.Build(input.Seed, signedDivision: true, calls: true, maxInstructions: 60);
                Assert.Equal(Interpret(function, input.A, input.B, input.C), Execute(function, CpuVersion.V4, input.A, input.B, input.C));
            }, iter: 150);
        }
    }
}
