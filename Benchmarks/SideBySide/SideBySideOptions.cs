using System;
using System.Collections.Generic;
using System.Globalization;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>The switches of <c>side-by-side</c>.</summary>
    internal sealed record SideBySideOptions
    {
        /// <summary>BPF_PROG_TEST_RUN repeat per measurement.</summary>
        public uint Repeat { get; init; } = 1_000_000;

        /// <summary>Interleaved rounds; the reported ns/packet is the median over them.</summary>
        public int Rounds { get; init; } = 5;

        /// <summary>Print the result as JSON instead of tables.</summary>
        public bool Json { get; init; }

        /// <summary>Also print both sides' translated (xlated) instructions per program.</summary>
        public bool Listings { get; init; }

        /// <summary>When set, each side's JITed x86 bytes are written here as <c>ours-NAME.bin</c> / <c>clang-NAME.bin</c> (read from bpf_prog_info).</summary>
        public string? JitedDirectory { get; init; }

        /// <summary>When not empty, only the suites named here (<c>--only XdpFilter,XdpSampler</c>).</summary>
        public IReadOnlyList<string> Only { get; init; } = Array.Empty<string>();

        /// <summary>Where build-c.sh writes the objects; a fresh temporary directory when null.</summary>
        public string? ObjectDirectory { get; init; }

        /// <summary>Parses <c>[--repeat N] [--rounds R] [--json] [--listings] [--objects DIR] [--dump-jited DIR] [--only SUITE,…]</c>.</summary>
        public static SideBySideOptions Parse(IReadOnlyList<string> arguments)
        {
            var options = new SideBySideOptions();
            for (int i = 0; i < arguments.Count; i++)
            {
                string Value() => i + 1 < arguments.Count ? arguments[++i] : throw new ArgumentException($"{arguments[i]} needs a value");
                options = arguments[i] switch
                {
                    "--repeat" => options with { Repeat = uint.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) },
                    "--rounds" => options with { Rounds = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) },
                    "--json" => options with { Json = true },
                    "--listings" => options with { Listings = true },
                    "--objects" => options with { ObjectDirectory = Value() },
                    "--dump-jited" => options with { JitedDirectory = Value() },
                    "--only" => options with { Only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                    string other => throw new ArgumentException($"unknown option '{other}' (side-by-side [--repeat N] [--rounds R] [--json] [--listings] [--objects DIR] [--dump-jited DIR] [--only SUITE,…])"),
                };
            }

            if (options.Repeat == 0 || options.Rounds < 1)
            {
                throw new ArgumentException("--repeat and --rounds must be at least 1");
            }

            return options;
        }
    }
}
