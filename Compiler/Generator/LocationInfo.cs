using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Ebpf.Compiler.Generator;

/// <summary>Where a diagnostic points, as plain values (file path, span, line span) instead of a syntax tree.</summary>
internal sealed class LocationInfo : IEquatable<LocationInfo>
{
    /// <summary>Creates the value.</summary>
    public LocationInfo(string filePath, TextSpan span, LinePositionSpan lineSpan)
    {
        FilePath = filePath;
        Span = span;
        LineSpan = lineSpan;
    }

    /// <summary>The source file's path.</summary>
    public string FilePath { get; }

    /// <summary>The character span in the file.</summary>
    public TextSpan Span { get; }

    /// <summary>The line and column span in the file.</summary>
    public LinePositionSpan LineSpan { get; }

    /// <summary>Captures a source location; null for locations outside source (metadata, none).</summary>
    public static LocationInfo? From(Location location)
    {
        if (location is null || !location.IsInSource || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    /// <summary>The location again, as Roslyn reports it.</summary>
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    /// <inheritdoc />
    public bool Equals(LocationInfo? other) =>
        other is not null && FilePath == other.FilePath && Span == other.Span && LineSpan == other.LineSpan;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LocationInfo);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((FilePath.GetHashCode() * 31) + Span.GetHashCode());
}
