namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>A frame a pair is test-run on, and its short name in the tables (empty for the default frame of the chains).</summary>
    /// <param name="Name">Shown after the program's name (<c>ipv4-pass</c>).</param>
    /// <param name="Bytes">The frame, from the Ethernet header on.</param>
    internal sealed record TestPacket(string Name, byte[] Bytes);
}
