using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Ebpf.Loader.Pinning;
using Ebpf.Loader.RootArray;
using Ebpf.Verifier.Tests.Cli;
using Ebpf.Verifier.Tests.Infrastructure;

namespace Ebpf.Verifier.Tests.RootArray
{
    /// <summary>
    /// A veth pair between two private network namespaces for root array tests: the receiving end (<see cref="Name"/>,
    /// 10.231.0.1) is where root arrays attach, the sender (10.231.0.2) sends. IPv6 is off and neighbours are static,
    /// so the only frames the receiver sees are the ones a test sends (no ARP, no router solicitations, no MLD).
    /// Dispose detaches whatever is attached, removes the pins and deletes both namespaces.
    /// </summary>
    public sealed class RootArrayNetwork : IDisposable
    {
        /// <summary>The receiver's address.</summary>
        public const string ReceiverAddress = "10.231.0.1";

        /// <summary>The sender's address.</summary>
        public const string SenderAddress = "10.231.0.2";

        /// <summary>Creates both namespaces and the pair.</summary>
        public RootArrayNetwork()
        {
            Receiver = new NetworkNamespace();
            Sender = new NetworkNamespace();
            string stem = "em" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Name = stem + "a";
            PeerName = stem + "b";
            try
            {
                Ebpf.Loader.Net.VethBetweenNamespaces.Create(
                    Receiver.Namespace, Name, ReceiverAddress + "/24", Sender.Namespace, PeerName, new[] { SenderAddress + "/24" }, staticNeighbours: true);
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        /// <summary>The namespace holding <see cref="Name"/>.</summary>
        public NetworkNamespace Receiver { get; }

        /// <summary>The namespace holding <see cref="PeerName"/>.</summary>
        public NetworkNamespace Sender { get; }

        /// <summary>The receiving interface (the one root arrays attach to).</summary>
        public string Name { get; }

        /// <summary>The sending interface.</summary>
        public string PeerName { get; }

        /// <summary>The root array's pin paths for <see cref="Name"/>.</summary>
        public RootArrayPaths Paths => RootArrayPaths.For(Name);

        /// <summary>Runs the CLI in-process inside the receiver's namespace.</summary>
        public CliRun Cli(params string[] args)
        {
            using (Receiver.Enter())
            {
                return CliRun.Of(args);
            }
        }

        /// <summary>Runs <paramref name="action"/> inside the receiver's namespace.</summary>
        public T InReceiver<T>(Func<T> action)
        {
            using (Receiver.Enter())
            {
                return action();
            }
        }

        /// <summary>Sends <paramref name="count"/> UDP datagrams to <paramref name="port"/> on the receiver.</summary>
        public void SendUdp(int port, int count) =>
            Sender.Check("bash", "-c", $"for i in $(seq {count}); do echo probe > /dev/udp/{ReceiverAddress}/{port}; done");

        /// <summary>
        /// Sends <paramref name="count"/> ICMP echo requests from the sender (System.Net.NetworkInformation.Ping on a raw
        /// socket, created on this thread inside the sender's namespace; the ping tool is not always installed).
        /// Returns how many replies came back.
        /// </summary>
        public int Ping(int count)
        {
            int replies = 0;
            using (Sender.Enter())
            using (var ping = new System.Net.NetworkInformation.Ping())
            {
                for (int i = 0; i < count; i++)
                {
                    System.Net.NetworkInformation.PingReply reply = ping.Send(System.Net.IPAddress.Parse(ReceiverAddress), 1000);
                    replies += reply.Status == System.Net.NetworkInformation.IPStatus.Success ? 1 : 0;
                }
            }

            return replies;
        }

        /// <summary>What <c>ip link show</c> says about <see cref="Name"/>.</summary>
        public string LinkShow() => Receiver.Check("ip", "link", "show", Name);

        /// <summary><c>status NAME --json</c>, parsed: the interface's object.</summary>
        public JsonElement Status()
        {
            CliRun run = Cli("status", Name, "--json");
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException("status failed: " + run.Error);
            }

            using JsonDocument document = JsonDocument.Parse(run.Output);
            return document.RootElement[0].Clone();
        }

        /// <summary>Polls <c>status --json</c> until <paramref name="total"/> of it reaches <paramref name="expected"/> (3 s at most), then reads once more.</summary>
        public JsonElement StatusWhen(Func<JsonElement, long> total, long expected)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(3);
            while (total(Status()) < expected && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(25);
            }

            Thread.Sleep(100); // anything beyond the expected count would show up now
            return Status();
        }

        /// <summary>Whether anything of this interface's root array is left in bpffs (its directory or a staging directory).</summary>
        public bool AnyPinsLeft() =>
            Directory.Exists(Paths.Directory) ||
            (Directory.Exists(RootArrayPaths.Root) && Directory.GetDirectories(RootArrayPaths.Root).Any(d => Path.GetFileName(d).Contains(Name, StringComparison.Ordinal)));

        /// <summary>Detaches, removes pins and deletes the namespaces.</summary>
        public void Dispose()
        {
            try
            {
                InReceiver(() => XdpRootArray.Detach(Name));
            }
            catch (Exception)
            {
                // the pins are removed below either way
            }

            BpfFs.RemoveDirectory(Paths.Directory);
            if (Directory.Exists(RootArrayPaths.Root))
            {
                foreach (string staging in Directory.GetDirectories(RootArrayPaths.Root).Where(d => Path.GetFileName(d).StartsWith(RootArrayPaths.StagingPrefix, StringComparison.Ordinal) && d.Contains(Name, StringComparison.Ordinal)))
                {
                    BpfFs.RemoveDirectory(staging);
                }
            }

            Sender.Dispose();
            Receiver.Dispose();
        }
    }
}
