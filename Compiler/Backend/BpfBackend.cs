using System.Collections.Generic;
using Ebpf.Asm;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Backend
{
    /// <summary>
    /// The backend's entry point: IR module in, <see cref="ProgramImage"/> out. Per function: coalesce copies in a copy of it, read checked map values through the looked-up register, reload map references at each call, legalise,
    /// allocate registers (spilling to the stack when needed), lay out the frame (≤ the stack limit, else
    /// <see cref="StackFrameTooLargeException"/>), select instructions; then link the entry function and its
    /// callees into one instruction stream, resolving jumps and BPF-to-BPF calls, collecting relocations and the
    /// source map. The input module is not changed.
    /// </summary>
    /// <remarks>
    /// Calling convention (the kernel's): arguments in r1–r5, result in r0, r1–r5 clobbered by every call,
    /// r6–r9 preserved across calls (for BPF-to-BPF calls the interpreter and JITs save them, so callees do not),
    /// r10 the read-only frame pointer, each function its own frame of at most 512 bytes.
    /// ALU32 and JMP32 need cpu v3 (kernel 5.1); BPF-to-BPF calls kernel 4.16; MEMSX, MOVSX, SDIV/SMOD cpu v4 (kernel 6.6).
    /// </remarks>
    public static class BpfBackend
    {
        /// <summary>Compiles a module; the first function is the program's entry.</summary>
        public static ProgramImage Compile(IrModule module, BackendOptions? options = null)
        {
            options ??= new BackendOptions();
            if (options.VerifyIr)
            {
                IrVerifier.Verify(module);
            }

            var functions = new List<FunctionCode>();
            foreach (IrFunction function in module.Functions)
            {
                functions.Add(CompileFunction(function, options));
            }

            return Linker.Link(module, functions);
        }

        /// <summary>Compiles one function as a program of its own (no local calls).</summary>
        public static ProgramImage Compile(IrFunction function, ProgramType programType, BackendOptions? options = null)
        {
            var module = new IrModule(function.Name, programType);
            module.Functions.Add(function);
            return Compile(module, options);
        }

        /// <summary>
        /// The shortest of the function compiled with and without <see cref="NonNullForwarding"/>, each spilling the
        /// cheapest interval or the one that ends last: forwarding saves a copy per map value access but stretches the
        /// looked-up register, which under register pressure spills and reloads at every access instead; spilling the
        /// cheapest keeps values read everywhere in registers but can need more stack slots than the frame has. On a
        /// tie the earlier variant wins; a frame too large for every variant is reported.
        /// </summary>
        private static FunctionCode CompileFunction(IrFunction original, BackendOptions options)
        {
            FunctionCode? best = null;
            StackFrameTooLargeException? tooLarge = null;
            foreach (bool spillCheapest in new[] { true, false })
            {
                foreach (bool forwardNonNull in new[] { true, false })
                {
                    try
                    {
                        FunctionCode code = CompileFunction(original, options, forwardNonNull, spillCheapest);
                        if (best is null || code.Code.Count < best.Code.Count)
                        {
                            best = code;
                        }
                    }
                    catch (StackFrameTooLargeException exception)
                    {
                        tooLarge ??= exception;
                    }
                }
            }

            return best ?? throw tooLarge!;
        }

        private static FunctionCode CompileFunction(IrFunction original, BackendOptions options, bool forwardNonNull, bool spillCheapest)
        {
            IrFunction function = original.Clone();
            CopyCoalescing.Run(function);
            if (forwardNonNull)
            {
                NonNullForwarding.Run(function);
            }

            MapReferenceRematerialization.Run(function);
            Legalization.Run(function, options);
            RegisterAllocation allocation = LinearScanAllocator.Allocate(function, spillCheapest);
            var frame = new FrameLayout(function, options.StackLimit);
            return new InstructionSelector(function, allocation, frame, options).Select();
        }
    }
}
