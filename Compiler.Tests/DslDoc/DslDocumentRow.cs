namespace Ebpf.Compiler.Tests.DslDoc
{
    /// <summary>
    /// One row of docs/dsl.md: <c>| `key` | construct | `example` | status |</c>, status being <c>supported</c>,
    /// <c>rejected: EBPFnnnn</c> or <c>not yet</c>.
    /// </summary>
    internal sealed record DslDocumentRow(string Key, string Construct, string Example, string Status, int Line)
    {
        /// <summary>The diagnostic id of a <c>rejected: EBPFnnnn</c> row, else null.</summary>
        public string? RejectedId => Status.StartsWith(DslDocument.Rejected, System.StringComparison.Ordinal) ? Status.Substring(DslDocument.Rejected.Length) : null;
    }
}
