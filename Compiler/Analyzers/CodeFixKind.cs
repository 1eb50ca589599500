namespace Ebpf.Compiler.Analyzers;

/// <summary>
/// Names the code fix that applies to a diagnostic. The analyzers put it in the diagnostic's properties under
/// <see cref="PropertyName"/> when the fix is clearly right; the code fix providers offer a fix only then.
/// </summary>
public static class CodeFixKind
{
    /// <summary>The key of the diagnostic property that names the fix.</summary>
    public const string PropertyName = "EbpfCodeFix";

    /// <summary>EBPF1001 on a program method that is not static: add <c>static</c>.</summary>
    public const string MakeStatic = "MakeStatic";

    /// <summary>EBPF1002 on a map field that is not <c>static readonly</c>: add the missing modifiers.</summary>
    public const string MakeStaticReadonly = "MakeStaticReadonly";
}
