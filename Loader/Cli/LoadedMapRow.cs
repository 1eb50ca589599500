namespace Ebpf.Loader.Cli
{
    /// <summary>One map of a loaded collection as <c>load --json</c> prints it.</summary>
    /// <param name="Name">The map's name in the image.</param>
    /// <param name="Id">The kernel's map id.</param>
    /// <param name="Type">The map type in kernel spelling, e.g. <c>cgroup_skb</c>.</param>
    /// <param name="Pin">Where it is pinned.</param>
    public sealed record LoadedMapRow(string Name, uint Id, string Type, string Pin);
}
