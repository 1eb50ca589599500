using System;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Generator;

/// <summary>
/// A diagnostic as plain values (descriptor fields, the formatted message, the location), so the diagnostics pipeline
/// of the generator is value-equatable; <see cref="ToDiagnostic"/> re-creates it when it is reported.
/// </summary>
internal sealed class DiagnosticInfo : IEquatable<DiagnosticInfo>
{
    /// <summary>Creates the value.</summary>
    public DiagnosticInfo(DiagnosticDescriptor descriptor, string message, LocationInfo? location)
    {
        Descriptor = descriptor;
        Message = message;
        Location = location;
    }

    /// <summary>The descriptor (compared by its id, title, format, category, severity and help link).</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The message, already formatted.</summary>
    public string Message { get; }

    /// <summary>Where the diagnostic points, or null for none.</summary>
    public LocationInfo? Location { get; }

    /// <summary>Captures <paramref name="diagnostic"/>.</summary>
    public static DiagnosticInfo From(Diagnostic diagnostic) =>
        new(diagnostic.Descriptor, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), LocationInfo.From(diagnostic.Location));

    /// <summary>Re-creates the diagnostic, with the same id, severity, help link, message and location.</summary>
    public Diagnostic ToDiagnostic()
    {
        var reported = new DiagnosticDescriptor(
            Descriptor.Id,
            Descriptor.Title,
            "{0}",
            Descriptor.Category,
            Descriptor.DefaultSeverity,
            Descriptor.IsEnabledByDefault,
            Descriptor.Description,
            Descriptor.HelpLinkUri,
            System.Linq.Enumerable.ToArray(Descriptor.CustomTags));
        return Diagnostic.Create(reported, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Message);
    }

    /// <inheritdoc />
    public bool Equals(DiagnosticInfo? other) =>
        other is not null && Descriptor.Equals(other.Descriptor) && Message == other.Message && Equals(Location, other.Location);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DiagnosticInfo);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((Descriptor.Id.GetHashCode() * 31) + Message.GetHashCode());
}
