using Microsoft.CodeAnalysis.Text;

namespace Ebpf.Compiler.Tests.Analyzers;

/// <summary>A diagnostic a test expects: its id and the span it must cover.</summary>
internal sealed record ExpectedDiagnostic(string Id, TextSpan Span);
