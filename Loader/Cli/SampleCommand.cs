using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using Ebpf.Loader.RootArray;
using Ebpf.Loader.Sampling;
using Ebpf.Programs.Sampler;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// <c>sample IFACE [--every N] [--snaplen S] -w FILE.pcap [--count C] [--duration T]</c>: turns on the sampler slot
    /// program of an interface, writes what it copies into a pcap file, and turns it off again when the count or the
    /// duration is reached, on Ctrl-C / SIGTERM, and on errors (<see cref="SamplingSession"/>).
    /// </summary>
    public static class SampleCommand
    {
        /// <summary>The sampler's program name, as <c>slot load</c> takes it and <c>status</c> shows it.</summary>
        public const string SamplerProgramName = nameof(PacketSampler.Sampler);

        /// <summary>The command.</summary>
        public static Command Build(Terminal terminal)
        {
            var name = new Argument<string>("interface") { Description = "An interface whose root array has the sampler in a slot." };
            var every = new Option<long>("--every") { Description = "Sample one packet in N, per CPU (1 = every packet).", DefaultValueFactory = _ => 1 };
            var snapLength = new Option<int>("--snaplen")
            {
                Description = $"Bytes to keep of each packet ({PacketSampler.MinSnapLength}..{PacketSampler.MaxSnapLength}).",
                DefaultValueFactory = _ => PacketSampler.MaxSnapLength,
            };
            var file = new Option<string>("--write", "-w") { Description = "The pcap file to write (replaced only once the run ends).", Required = true };
            var count = new Option<long?>("--count", "-c") { Description = "Stop after writing C packets." };
            var duration = new Option<string?>("--duration") { Description = "Stop after T (seconds, or with a unit: 500ms, 10s, 2m, 1h)." };
            var command = new Command("sample", "Copy 1 in N packets of an interface (up to a snap length) into a pcap file, through the sampler slot program and its ring buffer.")
            {
                name, every, snapLength, file, count, duration,
            };
            command.SetAction(parse =>
            {
                string interfaceName = parse.GetValue(name)!;
                if (string.IsNullOrWhiteSpace(parse.GetValue(file)))
                {
                    throw new CliException("-w: an empty path", CommandLine.UsageError);
                }

                var options = new SamplingOptions
                {
                    Every = Checked(parse.GetValue(every), "--every", 1, uint.MaxValue, n => (uint)n),
                    SnapLength = Checked(parse.GetValue(snapLength), "--snaplen", PacketSampler.MinSnapLength, PacketSampler.MaxSnapLength, n => (int)n),
                    Count = parse.GetValue(count) is long c ? Checked(c, "--count", 1, long.MaxValue, n => n) : null,
                    Duration = parse.GetValue(duration) is string text ? ParseDuration(text) : null,
                };
                SamplingResult result = Run(terminal, interfaceName, options, parse.GetValue(file)!);
                terminal.Output.WriteLine(Summary(result, options, parse.GetValue(file)!));
                return 0;
            });
            return command;
        }

        /// <summary>Runs a session on <paramref name="interfaceName"/> into <paramref name="path"/>.</summary>
        internal static SamplingResult Run(Terminal terminal, string interfaceName, SamplingOptions options, string path)
        {
            int slot = FindSampler(interfaceName);
            using SamplingLock running = SamplingLock.TryAcquire(interfaceName)
                ?? throw new CliException($"another 'sample' is running on {interfaceName} (lock {SamplingLock.PathFor(interfaceName)})");
            using SamplerMaps maps = KernelAccess.Run(() => OpenMaps(interfaceName));
            using PendingPcapFile pcap = CreateFile(path, options.SnapLength);
            using var stop = new CancellationTokenSource();
            using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop(stop));
            using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop(stop));
            string rate = options.Every == 1 ? "every packet" : $"1 in {options.Every} packets per CPU";
            terminal.Error.WriteLine($"{CommandLine.Name}: sampling {rate} on {interfaceName} (slot {slot}, snaplen {options.SnapLength}); Ctrl-C stops");
            SamplingResult result = KernelAccess.Run(() => SamplingSession.Run(maps, options with { Slot = (uint)slot }, pcap.Writer, stop.Token));
            pcap.Commit();
            return result;
        }

        /// <summary>The one-line summary.</summary>
        internal static string Summary(SamplingResult result, SamplingOptions options, string path)
        {
            string stopped = result.Reason switch
            {
                SamplingStopReason.Count => "count reached",
                SamplingStopReason.Duration => "duration reached",
                _ => "interrupted",
            };
            string packets = result.Written == 1 ? "packet" : "packets";
            string seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            return $"{result.Written} {packets} written to {path} (1 in {options.Every}, snaplen {options.SnapLength}, {seconds} s, {stopped}); {result.Lost} lost (ring full)";
        }

        private static int FindSampler(string interfaceName)
        {
            RootArrayStatus? status = RootArrayCommands.Run(() => XdpRootArray.Status(interfaceName));
            if (status is null)
            {
                throw new CliException($"Root array not attached to interface {interfaceName}: run '{CommandLine.Name} attach {interfaceName}', then '{CommandLine.Name} slot load {interfaceName} 1 {SamplerProgramName}'");
            }

            SlotStatus? sampler = status.Slots.FirstOrDefault(row => row.Name == SamplerProgramName);
            if (sampler?.Slot is not int slot)
            {
                throw new CliException($"the sampler is not loaded on {interfaceName}: run '{CommandLine.Name} slot load {interfaceName} 1 {SamplerProgramName}'");
            }

            return slot;
        }

        private static SamplerMaps OpenMaps(string interfaceName)
        {
            try
            {
                return SamplerMaps.OpenPinned(RootArrayPaths.For(interfaceName).Directory);
            }
            catch (FileNotFoundException missing)
            {
                throw new CliException($"the sampler on {interfaceName} has no pinned maps ({missing.Message}): run '{CommandLine.Name} slot load {interfaceName} 1 {SamplerProgramName}' again");
            }
        }

        private static PendingPcapFile CreateFile(string path, int snapLength)
        {
            try
            {
                return PendingPcapFile.Create(path, snapLength);
            }
            catch (DirectoryNotFoundException)
            {
                throw new CliException($"-w {path}: cannot write: no such directory {Path.GetDirectoryName(Path.GetFullPath(path))}");
            }
            catch (UnauthorizedAccessException)
            {
                throw new CliException($"-w {path}: cannot write: permission denied");
            }
            catch (IOException error)
            {
                throw new CliException($"-w {path}: cannot write: {error.Message}");
            }
        }

        private static Action<PosixSignalContext> Stop(CancellationTokenSource stop) => signal =>
        {
            signal.Cancel = true; // the session ends normally and turns the sampler off
            stop.Cancel();
        };

        private static T Checked<T>(long value, string option, long min, long max, Func<long, T> convert)
        {
            if (value < min || value > max)
            {
                string range = max == long.MaxValue ? $"at least {min}" : $"{min}..{max}";
                throw new CliException($"{option}: {value} is out of range ({range})", CommandLine.UsageError);
            }

            return convert(value);
        }

        /// <summary>"10", "10s", "500ms", "2m", "1h" (decimal numbers allowed).</summary>
        internal static TimeSpan ParseDuration(string text)
        {
            string trimmed = text.Trim();
            (string number, double scale) = trimmed switch
            {
                _ when trimmed.EndsWith("ms", StringComparison.Ordinal) => (trimmed[..^2], 0.001),
                _ when trimmed.EndsWith('s') => (trimmed[..^1], 1.0),
                _ when trimmed.EndsWith('m') => (trimmed[..^1], 60.0),
                _ when trimmed.EndsWith('h') => (trimmed[..^1], 3600.0),
                _ => (trimmed, 1.0),
            };
            if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value <= 0 || value * scale > TimeSpan.MaxValue.TotalSeconds / 2)
            {
                throw new CliException($"--duration: '{text}' is not a positive duration (e.g. 10, 10s, 500ms, 2m, 1h)", CommandLine.UsageError);
            }

            return TimeSpan.FromSeconds(value * scale);
        }
    }
}
