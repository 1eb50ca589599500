namespace Ebpf.Loader
{
    /// <summary>Entry point of the <c>ebpf-managed</c> command line.</summary>
    public static class Program
    {
        /// <summary>Runs the command line and returns its exit code.</summary>
        public static int Main(string[] args) => Cli.CommandLine.Run(args);
    }
}
