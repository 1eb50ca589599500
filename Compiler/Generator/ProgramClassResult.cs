using System;

namespace Ebpf.Compiler.Generator;

/// <summary>One program class compiled: the model to emit (null when there were errors) and the diagnostics to report.</summary>
internal sealed class ProgramClassResult : IEquatable<ProgramClassResult>
{
    public ProgramClassResult(ProgramClassModel? model, EquatableArray<DiagnosticInfo> diagnostics)
    {
        Model = model;
        Diagnostics = diagnostics;
    }

    public ProgramClassModel? Model { get; }

    public EquatableArray<DiagnosticInfo> Diagnostics { get; }

    public bool Equals(ProgramClassResult? other) => other is not null && Equals(Model, other.Model) && Diagnostics == other.Diagnostics;

    public override bool Equals(object? obj) => Equals(obj as ProgramClassResult);

    public override int GetHashCode() => unchecked(((Model?.GetHashCode() ?? 0) * 31) + Diagnostics.GetHashCode());
}
