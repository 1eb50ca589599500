using System;
using System.Linq;
using BenchmarkDotNet.Running;
using Ebpf.Benchmarks.SideBySide;

namespace Ebpf.Benchmarks
{
    /// <summary>
    /// <c>side-by-side [--repeat N] [--rounds R] [--json] [--listings] [--only SUITE,…]</c>: kernel-side code quality, ours vs clang-19.
    /// <c>bdn [BenchmarkDotNet switches]</c>: user-space costs (map access, chain load time) with BenchmarkDotNet.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            string command = args.Length > 0 ? args[0] : "side-by-side";
            string[] rest = args.Skip(1).ToArray();
            try
            {
                switch (command)
                {
                    case "side-by-side":
                        return SideBySideCommand.Run(rest);
                    case "bdn":
                        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
                        return 0;
                    default:
                        Console.Error.WriteLine("usage: side-by-side [--repeat N] [--rounds R] [--json] [--listings] [--objects DIR] [--dump-jited DIR] [--only SUITE,…] | bdn [--filter *]");
                        return 2;
                }
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                Console.Error.WriteLine($"error: {exception.Message}");
                return 1;
            }
        }
    }
}
