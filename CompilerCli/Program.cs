namespace Ebpf.Compiler.Cli
{
    /// <summary>Entry point of <c>ebpf-compile</c>: DSL sources outside any project → collection images and listings.</summary>
    public static class Program
    {
        /// <summary>Runs the command line and returns its exit code.</summary>
        public static int Main(string[] args) => CompileCommandLine.Run(args);
    }
}
