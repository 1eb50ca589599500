using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using Ebpf.Asm;
using Ebpf.Dsl;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Maps;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;
using Ebpf.Verifier.Tests.Infrastructure;

namespace Ebpf.Verifier.Tests.Differential
{
    /// <summary>
    /// Runs one program class in the kernel (its image loaded, BPF_PROG_TEST_RUN) and on the CLR (the same C# methods
    /// with the Dsl's managed contexts and maps), input after input, and compares after each step the verdict, the
    /// output packet (XDP) and the contents of every array, per-CPU and hash map. Maps are not reset between steps, so
    /// counters accumulate on both sides. The thread is pinned to the last CPU, which is also the CLR's current CPU.
    /// </summary>
    internal sealed class DifferentialHarness : IDisposable
    {
        private const int EINVAL = 22;
        private const uint LoopbackIfindex = 1;

        private readonly LoadedCollection collection;
        private readonly Type programClass;
        private readonly IReadOnlyList<FieldInfo> mapFields;
        private readonly BpfRuntime runtime;
        private readonly int cpu = Environment.ProcessorCount - 1;

        /// <summary>Loads <paramref name="image"/> and clears the CLR maps of <paramref name="programClass"/>.</summary>
        public DifferentialHarness(CollectionImage image, Type programClass)
        {
            this.programClass = programClass;
            mapFields = MapSnapshots.ComparedFields(programClass);
            collection = Collection.Load(image);
            runtime = new BpfRuntime(possibleCpus: PossibleCpus.Count) { CurrentCpu = (uint)cpu };
            using (BpfRuntime.Enter(runtime))
            {
                MapSnapshots.ClearClr(programClass);
            }
        }

        /// <summary>Writes <paramref name="value"/> at <paramref name="index"/> of the array map
        /// <paramref name="field"/> on both sides (inputs a program reads from a map).</summary>
        public void SetArrayEntry<T>(string field, uint index, T value)
            where T : unmanaged
        {
            new ArrayView<T>(collection.Map(field)).Update(index, value);
            using (BpfRuntime.Enter(runtime))
            {
                var map = (Ebpf.Dsl.Maps.ArrayMap<T>)programClass.GetField(field, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
                map.Update(index, value);
            }
        }

        /// <summary>The shortest input the kernel's test run takes for <paramref name="program"/>: an Ethernet header
        /// for XDP, 34 bytes for socket buffers (FACTS.md).</summary>
        public int MinimumLength(string program) => IsXdp(Method(program)) ? 14 : 34;

        /// <summary>Inputs the kernel's test run refused with EINVAL (not run on either side, not counted as steps).</summary>
        public List<string> Refused { get; } = new();

        /// <summary>The CLR's verdict of the last step (its number, or "threw …"), for tests that also pin the value.</summary>
        public string? LastClrVerdict { get; private set; }

        /// <summary>The kernel's output packet of the last XDP step, for tests that also check its bytes.</summary>
        public byte[]? LastKernelPacket { get; private set; }

        /// <summary>The CLR machine the program runs on (enter it to read per-CPU maps on the CLR side).</summary>
        public BpfRuntime Runtime => runtime;

        /// <summary>The kernel's map for the program class's map field <paramref name="field"/>, for inputs the
        /// harness does not write itself (e.g. LPM trie entries).</summary>
        public BpfMap KernelMap(string field) => collection.Map(field);

        /// <summary>The number of steps run so far.</summary>
        public int Steps { get; private set; }

        /// <summary>
        /// Runs <paramref name="program"/> on <paramref name="packet"/> (a whole Ethernet frame; socket buffers see it
        /// from the IP header, as the kernel's test run gives it) on both sides; returns the differences, or null.
        /// </summary>
        public string? Step(string program, string inputName, byte[] packet)
        {
            MethodInfo method = Method(program);
            bool xdp = IsXdp(method);
            string kernelVerdict;
            byte[]? kernelPacket = null;
            using (new CpuAffinity(cpu))
            {
                try
                {
                    TestRunResult run = collection.Program(program).TestRun(new TestRunOptions { Data = packet, DataOutSize = packet.Length + 512 });
                    kernelVerdict = run.ReturnValue.ToString();
                    kernelPacket = xdp ? run.DataOut : null;
                }
                catch (BpfException refused) when (refused.Errno == EINVAL)
                {
                    // The kernel builds no context for this input (e.g. a cgroup_skb run of an IPv6 frame without a
                    // whole IPv6 header): the program did not run, so the CLR does not run either.
                    Refused.Add(inputName);
                    return null;
                }
            }

            Steps++;
            string clrVerdict;
            byte[]? clrPacket = null;
            using (BpfRuntime.Enter(runtime))
            {
                // An XDP test run without a context arrives on the loopback device (ifindex 1), receive queue 0.
                ProgramContext context = xdp
                    ? new XdpContext(packet) { IngressIfindex = LoopbackIfindex }
                    : new SkBuffContext(packet.AsSpan(Math.Min(14, packet.Length)));
                try
                {
                    clrVerdict = Convert.ToUInt32(method.Invoke(null, new object[] { context })).ToString();
                }
                catch (TargetInvocationException thrown) when (thrown.InnerException is IndexOutOfRangeException)
                {
                    // The compiler defines an index out of range as the end of the program with the abort verdict
                    // (XDP_ABORTED, TC_ACT_SHOT, 0 for the socket types), where C# throws.
                    clrVerdict = method.ReturnType.Name == "TcAction" ? "2" : "0";
                }
                catch (TargetInvocationException thrown)
                {
                    clrVerdict = "threw " + thrown.InnerException!.GetType().Name;
                }

                clrPacket = context is XdpContext frame ? frame.ToArray() : null;
            }

            LastClrVerdict = clrVerdict;
            LastKernelPacket = kernelPacket;
            SortedSet<string> kernelMaps = MapSnapshots.ReadKernel(collection, mapFields);
            SortedSet<string> clrMaps;
            using (BpfRuntime.Enter(runtime))
            {
                clrMaps = MapSnapshots.ReadClr(mapFields, collection, PossibleCpus.Count);
            }

            var report = new StringBuilder();
            if (kernelVerdict != clrVerdict)
            {
                report.AppendLine($"  verdict: kernel {kernelVerdict}, CLR {clrVerdict}");
            }

            if (xdp && !kernelPacket!.AsSpan().SequenceEqual(clrPacket))
            {
                report.AppendLine($"  packet out: kernel {Hex(kernelPacket!)}");
                report.AppendLine($"              CLR    {Hex(clrPacket!)}");
            }

            foreach (string line in kernelMaps.Except(clrMaps))
            {
                report.AppendLine($"  kernel only: {line}");
            }

            foreach (string line in clrMaps.Except(kernelMaps))
            {
                report.AppendLine($"  CLR only:    {line}");
            }

            return report.Length == 0
                ? null
                : $"{programClass.Name}.{program}, step {Steps}, input {inputName} ({packet.Length} bytes) {Hex(packet)}\n{report}";
        }

        /// <summary>Runs every input in order; returns every step's differences (empty when all agree).</summary>
        public IReadOnlyList<string> Sequence(string program, IEnumerable<(string Name, byte[] Packet)> inputs) =>
            inputs.Where(input => input.Packet.Length >= MinimumLength(program))
                .Select(input => Step(program, input.Name, input.Packet)).OfType<string>().ToList();

        private static string Hex(byte[] bytes) =>
            bytes.Length <= 160 ? Convert.ToHexString(bytes) : Convert.ToHexString(bytes, 0, 160) + "…";

        private static bool IsXdp(MethodInfo method) => method.GetParameters()[0].ParameterType == typeof(XdpContext);

        private MethodInfo Method(string program) =>
            programClass.GetMethod(program, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new ArgumentException($"{programClass.Name} has no method {program}", nameof(program));

        /// <summary>Unloads the collection.</summary>
        public void Dispose() => collection.Dispose();
    }
}
