namespace Ebpf.Loader.Cli
{
    /// <summary>The command tree (System.CommandLine). Placeholder until the CLI lands.</summary>
    public static class CommandLine
    {
        /// <summary>Parses and runs <paramref name="args"/>.</summary>
        public static int Run(string[] args)
        {
            System.Console.Error.WriteLine("ebpf-managed: no commands yet");
            return args.Length == 0 ? 1 : 2;
        }
    }
}
