using System.Collections.Generic;
using System;

namespace Ebpf.Compiler.Generator;

/// <summary>Builds <see cref="EquatableArray{T}"/> values.</summary>
internal static class EquatableArrayExtensions
{
    /// <summary>Copies <paramref name="items"/> into an equatable array.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T> => new(new List<T>(items).ToArray());
}
