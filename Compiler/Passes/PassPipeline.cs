using System.Collections.Generic;
using Ebpf.Compiler.IR;

namespace Ebpf.Compiler.Passes
{
    /// <summary>
    /// Runs passes in order, repeatedly, until none changes anything (or <see cref="MaxRounds"/>), verifying the
    /// IR after each pass when <see cref="VerifyBetweenPasses"/> (on in debug builds).
    /// </summary>
    public sealed class PassPipeline
    {
        /// <summary>Creates a pipeline of the given passes.</summary>
        public PassPipeline(IEnumerable<IrPass> passes)
        {
            Passes = new List<IrPass>(passes);
        }

        /// <summary>The passes, in order.</summary>
        public List<IrPass> Passes { get; }

        /// <summary>Run the IR verifier after every pass; a failure names the pass.</summary>
        public bool VerifyBetweenPasses { get; set; } =
#if DEBUG
            true;
#else
            false;
#endif

        /// <summary>Upper bound on rounds of the whole list.</summary>
        public int MaxRounds { get; set; } = 8;

        /// <summary>The optimisation passes the compiler runs: fold, propagate, simplify branches, merge bounds checks, clean up.</summary>
        public static PassPipeline CreateDefault() => new PassPipeline(new IrPass[]
        {
            new ConstantFolding(),
            new CopyPropagation(),
            new BranchSimplification(),
            new BoundsCheckMerging(),
            new DeadCodeElimination(),
        });

        /// <summary>Optimises every function of the module.</summary>
        public void Run(IrModule module)
        {
            foreach (IrFunction function in module.Functions)
            {
                Run(function);
            }
        }

        /// <summary>Optimises one function in place; returns true when anything changed.</summary>
        public bool Run(IrFunction function)
        {
            if (VerifyBetweenPasses)
            {
                IrVerifier.Verify(function);
            }

            bool any = false;
            for (int round = 0; round < MaxRounds; round++)
            {
                bool changed = false;
                foreach (IrPass pass in Passes)
                {
                    if (pass.Run(function))
                    {
                        changed = true;
                        if (VerifyBetweenPasses)
                        {
                            Verify(function, pass);
                        }
                    }
                }

                any |= changed;
                if (!changed)
                {
                    break;
                }
            }

            return any;
        }

        private static void Verify(IrFunction function, IrPass pass)
        {
            List<string> problems = IrVerifier.Check(function);
            if (problems.Count > 0)
            {
                problems.Insert(0, "after pass " + pass.Name + ":");
                throw new IrVerificationException(function.Name, problems);
            }
        }
    }
}
