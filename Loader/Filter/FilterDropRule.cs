using System;

namespace Ebpf.Loader.Filter
{
    /// <summary>One entry of an interface's drop lists (<c>filter_drop4</c> or <c>filter_drop6</c>).</summary>
    /// <param name="Prefix">The source prefix dropped.</param>
    /// <param name="Tag">The operator's tag (at most 32 UTF-8 bytes).</param>
    /// <param name="LoadTime">When the entry was added.</param>
    public sealed record FilterDropRule(IpPrefix Prefix, string Tag, DateTimeOffset LoadTime);
}
