using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace Ebpf.Verifier.Tests.CliFuzz
{
    /// <summary>
    /// Random <c>ebpf-managed</c> argument lists built from plausible tokens: every command word with its arguments and
    /// options, filled from pools of good and bad values (numbers negative, huge or 0; CIDRs good and bad; the fuzz
    /// interface, the namespace's lo and made-up names; paths missing, directories or not writable; program names real
    /// and fake), plus now and then a token from anywhere. Interface tokens of commands that change kernel state come only
    /// from <see cref="CliFuzzWorld.MutableInterfaces"/> (never eth0, never lo); runs are bounded (sample always has a
    /// short duration, status --watch one refresh).
    /// </summary>
    public sealed class CliTokenGrammar
    {
        private static readonly string[] Numbers = { "0", "1", "2", "7", "8", "31", "32", "33", "-1", "-2147483648", "2147483647", "4294967295", "4294967296", "99999999999999999999", "0x10", "1e3", "abc", "", " 1" };
        private static readonly string[] GoodCidrs = { "10.231.0.2", "192.0.2.0/24", "198.51.100.7/32", "0.0.0.0/0", "2001:db8::/32", "::/0", "2001:db8:bad::1" };
        private static readonly string[] BadCidrs = { "10.0.0.1/8", "300.1.1.1", "10.0.0.0/33", "::/129", "", "abc", "10.0.0.0/", "/8", "10.0.0.0/-1", "1.2.3.4/08", "fe80::1%eth9", "::ffff:1.2.3.4/96", "1.2.3", "10.0.0.0/8/8", "2001:db8::/4294967296" };
        private static readonly string[] Tags = { "x", "", "noisy sender", new string('t', 32), new string('t', 33), "ünïcødé-ünïcødé-ünïcødé", "tab\there", "a\nb" };
        private static readonly string[] Durations = { "100ms", "0.1", "0.05s", "0", "-1", "NaN", "Infinity", "-Infinity", "1e400", "abc", "1x", "ms", "", "0.0000001" };
        private static readonly string[] Modes = { "native", "generic", "auto", "offload", "", "GENERIC" };
        private static readonly string[] Flavors = { "xdp", "egress", "tc", "" };
        private static readonly string[] Noise = { "--json", "--help", "-h", "--force", "--bogus", "-", "--", "x", "--interface", "-i", "-w", "--count", "--every", "--snaplen", "--slots", "--mode", "--tag", "--id", "--assembly", "--image", "--pin", "--class", "--source", "--cpu", "--flavor", "--watch" };

        private readonly CliFuzzWorld world;

        /// <summary>A grammar over <paramref name="world"/>'s names and files.</summary>
        public CliTokenGrammar(CliFuzzWorld world)
        {
            this.world = world;
        }

        /// <summary>One argument list.</summary>
        public Gen<string[]> Command => Gen.Frequency(
            (6, Attach),
            (3, Detach),
            (6, Status),
            (1, Watch),
            (7, SlotLoad),
            (4, SlotUnload),
            (6, FilterStatus),
            (6, FilterConfig),
            (8, FilterDrop),
            (3, FilterClear),
            (6, Sample),
            (3, AsmCommand),
            (3, Disasm),
            (2, Load),
            (2, ProgList),
            (4, ProgDump),
            (2, MapList),
            (5, MapDump),
            (2, Chain),
            (1, Demo),
            (3, Soup));

        /// <summary>A fuzz case: the state the fuzz interface starts in (0 detached, 1 attached, 2 with the filter and the sampler) and 1–3 commands.</summary>
        public Gen<(int Setup, string[][] Commands)> Case => Gen.Select(Gen.Int[0, 2], Command.Array[1, 3], (setup, commands) => (setup, commands));

        private Gen<string> Mutable => Gen.Frequency((3, Gen.Const(world.Network.Name)), (2, Gen.OneOfConst(world.FakeInterfaces)));

        private Gen<string> Readable => Gen.Frequency((3, Gen.Const(world.Network.Name)), (2, Gen.OneOfConst(world.ReadableInterfaces)));

        private Gen<string> Number => Gen.OneOfConst(Numbers);

        private Gen<string> Cidr => Gen.Frequency((2, Gen.OneOfConst(GoodCidrs)), (1, Gen.OneOfConst(BadCidrs)));

        private Gen<string> AnyPath => Gen.OneOfConst(world.Paths);

        private Gen<string> ProgramName => Gen.Frequency((4, Gen.OneOfConst("Filter", "Sampler")), (1, Gen.OneOfConst("Xdp1", "Egress1", "xdp_root", "Nope", "", "filter")));

        private Gen<string[]> Attach => Build("attach", Mutable, Option("--mode", Gen.OneOfConst(Modes)), Option("--slots", Number), Flag("--force"), Flag("--json"));

        private Gen<string[]> Detach => Build("detach", Mutable, Flag("--force"));

        private Gen<string[]> Status => Gen.Select(Readable.Array[0, 3], Flag("--json"), Noise1, (names, json, noise) => Concat(new[] { "status" }, names, json, noise));

        private Gen<string[]> Watch => Gen.Select(Readable.Array[0, 2], Flag("--json"), (names, json) => Concat(new[] { "status", "--watch", "--count", "1" }, names, json));

        private Gen<string[]> SlotLoad => Gen.Select(
            Mutable, Gen.Frequency((3, Gen.OneOfConst("0", "1", "2", "3")), (1, Number)), ProgramName, Rarely("--assembly", AnyPath), Flag("--json"), Noise1,
            (name, slot, program, assembly, json, noise) => Concat(new[] { "slot", "load", name, slot, program }, assembly, json, noise));

        private Gen<string[]> SlotUnload => Gen.Select(
            Mutable, Gen.Frequency((3, Gen.OneOfConst("0", "1", "2")), (1, Number)), Flag("--json"), Noise1,
            (name, slot, json, noise) => Concat(new[] { "slot", "unload", name, slot }, json, noise));

        private Gen<string[]> FilterStatus => Gen.Select(
            Readable.Array[0, 3], Gen.Bool, Flag("--json"), Noise1,
            (names, separately, json, noise) => Concat(
                new[] { "filter", "status" },
                names.Length == 0 ? Array.Empty<string>() : separately ? names.SelectMany(n => new[] { "-i", n }).ToArray() : new[] { "--interface", string.Join(",", names) },
                json,
                noise));

        private Gen<string[]> FilterConfig => Gen.Select(
            InterfaceOption, Flag("--frags-drop"), Flag("--no-frags-drop"), Flag("--ptb-send"), Flag("--no-ptb-send"), Option("--ptb-max-pps", Number),
            (iface, a, b, c, d, pps) => Concat(new[] { "filter", "config" }, iface, a, b, c, d, pps));

        private Gen<string[]> FilterDrop => Gen.Select(
            Gen.OneOfConst("add", "del", "delete", "list", "flush"), Cidr, InterfaceOption, Option("--tag", Gen.OneOfConst(Tags)), Noise1,
            (verb, cidr, iface, tag, noise) => Concat(new[] { "filter", "drop", verb }, verb == "list" ? Array.Empty<string>() : new[] { cidr }, iface, tag, noise));

        private Gen<string[]> FilterClear => Build("filter", Gen.Const("clear"), InterfaceOption, Noise1);

        private Gen<string[]> InterfaceOption => Gen.Frequency(
            (8, Mutable.Select(name => new[] { "--interface", name })),
            (2, Mutable.Select(name => new[] { "-i", name })),
            (1, Gen.Const(Array.Empty<string>())));

        private Gen<string[]> Sample => Gen.Select(
            Mutable, Rarely("--every", Number), Rarely("--snaplen", Gen.OneOfConst("14", "13", "64", "256", "257", "0", "-1", "abc")),
            Gen.Frequency((8, Gen.Const(new[] { "-w", world.OutputPaths[1] })), (2, Gen.OneOfConst(world.OutputPaths).Select(p => new[] { "-w", p })), (1, Gen.Const(Array.Empty<string>()))),
            Rarely("--count", Number), Gen.Frequency((4, Gen.Const("100ms")), (1, Gen.OneOfConst(Durations))),
            (name, every, snap, file, count, duration) => Concat(new[] { "sample", name }, every, snap, file, count, new[] { "--duration", Bounded(duration) }));

        private Gen<string[]> AsmCommand => Gen.Select(Gen.OneOfConst(world.SourcePaths), Option("-o", Gen.OneOfConst(world.OutputPaths)), (file, output) => Concat(new[] { "asm", file }, output));

        private Gen<string[]> Disasm => Gen.Select(Gen.OneOfConst(world.SourcePaths), Flag("--json"), (file, json) => Concat(new[] { "disasm", file }, json));

        private Gen<string[]> Load => Gen.Select(
            Gen.OneOfConst("--assembly", "--image"), AnyPath, Option("--class", Gen.OneOfConst("XdpChain", "Nope", "", "Ebpf.Programs.TailChain.XdpChain")), Gen.Frequency((1, AnyPath), (2, Gen.Const(world.PinScratch))), Flag("--json"),
            (kind, file, programClass, pin, json) => Concat(new[] { "load", kind, file }, programClass, new[] { "--pin", pin }, json));

        private Gen<string[]> ProgList => Build("prog", Gen.OneOfConst("list", "show", "lst"), Flag("--json"));

        private Gen<string[]> ProgDump => Gen.Select(
            Gen.Frequency((2, AnyPath), (1, Number)), Option("--source", AnyPath), Option("--assembly", AnyPath), Flag("--json"),
            (target, source, assembly, json) => Concat(new[] { "prog", "dump", target }, source, assembly, json));

        private Gen<string[]> MapList => Build("map", Gen.OneOfConst("list", "show"), Flag("--json"));

        private Gen<string[]> MapDump => Gen.Select(
            Gen.Frequency((3, AnyPath.Select(p => new[] { p })), (1, Gen.Const(Array.Empty<string>()))), Option("--id", Number), Flag("--json"),
            (path, id, json) => Concat(new[] { "map", "dump" }, path, id, json));

        private Gen<string[]> Chain => Build("chain", Gen.OneOfConst("run", "walk"), Option("--flavor", Gen.OneOfConst(Flavors)), Option("--cpu", Number), Flag("--json"));

        // Only paths the demo cannot write: a runnable demo takes several seconds and builds its own namespaces.
        private Gen<string[]> Demo => Gen.OneOfConst(world.UnwritablePaths).Select(path => new[] { "demo", "-w", path });

        private Gen<string[]> Soup => Gen.Frequency(
                (3, Gen.OneOfConst(Noise)),
                (2, Number),
                (2, Readable),
                (1, Cidr),
                (1, Gen.OneOfConst(world.SourcePaths)),
                (2, Gen.OneOfConst("status", "prog", "map", "filter", "slot", "drop", "list", "dump", "load", "unload", "config")))
            .Array[0, 6]
            .Select(tokens => tokens.Contains("--watch") || MutatesWithoutGuard(tokens) ? new[] { "status", "--json" } : tokens);

        private Gen<string[]> Noise1 => Gen.Frequency((6, Gen.Const(Array.Empty<string>())), (1, Gen.OneOfConst(Noise).Select(t => t == "--watch" ? Array.Empty<string>() : new[] { t })));

        /// <summary>A soup could spell a mutating command with a readable-only name (lo), or a load pinned in the default place: keep soups to commands that read.</summary>
        private bool MutatesWithoutGuard(string[] tokens) =>
            tokens.Length > 0 && (tokens[0] == "load" ||
            (tokens[0] is "slot" or "filter" && tokens.Any(t => world.ReadableInterfaces.Contains(t) && !world.MutableInterfaces.Contains(t))));

        // Parse errors and bad values stay as they are; a duration that parses is cut to at most 100 ms.
        private static string Bounded(string duration) => duration switch
        {
            "0.1" or "100ms" or "0.05s" or "0.0000001" => duration,
            _ when double.TryParse(duration.TrimEnd('s', 'm'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) && value > 0.1 && !double.IsInfinity(value) => "100ms",
            _ => duration,
        };

        private static Gen<string[]> Flag(string name) => Gen.Frequency((3, Gen.Const(Array.Empty<string>())), (1, Gen.Const(new[] { name })));

        private static Gen<string[]> Option(string name, Gen<string> value) =>
            Gen.Frequency((1, Gen.Const(Array.Empty<string>())), (1, value.Select(v => new[] { name, v })));

        private static Gen<string[]> Rarely(string name, Gen<string> value) =>
            Gen.Frequency((4, Gen.Const(Array.Empty<string>())), (1, value.Select(v => new[] { name, v })));

        private static Gen<string[]> Build(string word, Gen<string> first, params Gen<string[]>[] rest) =>
            Gen.Select(first, rest.Aggregate(Gen.Const(Array.Empty<string>()), (all, next) => Gen.Select(all, next, (a, b) => a.Concat(b).ToArray())), (f, r) => Concat(new[] { word, f }, r));

        private static string[] Concat(params string[][] parts) => parts.SelectMany(p => p).ToArray();
    }
}
