using System;
using System.Collections.Generic;
using Ebpf.Compiler.Tests.FrontEnd;
using Microsoft.CodeAnalysis.Text;

namespace Ebpf.Compiler.Tests.DslDoc
{
    /// <summary>
    /// A program class <c>P</c> that probes one row of docs/dsl.md. <see cref="Markup"/> is C# with an optional
    /// <c>[|…|]</c> span: a rejected row's diagnostics must all lie inside it.
    /// </summary>
    internal sealed record DslProbe(string Key, string Markup)
    {
        /// <summary>The C# source: <see cref="Markup"/> without the span markers.</summary>
        public string Source => SpanMarkup.Parse(Markup).Source;

        /// <summary>The marked span in <see cref="Source"/>, or null when the probe marks none.</summary>
        public TextSpan? Span
        {
            get
            {
                IReadOnlyList<TextSpan> spans = SpanMarkup.Parse(Markup).Spans;
                if (spans.Count > 1)
                {
                    throw new FormatException($"probe {Key}: one '[|' must be closed by one '|]'");
                }

                return spans.Count == 0 ? null : spans[0];
            }
        }

        /// <summary>An <c>[Xdp]</c> program <c>Run</c> around <paramref name="body"/>, with <paramref name="members"/> in the class.</summary>
        public static DslProbe Xdp(string key, string body, string members = "") => new(key, DslCompilation.Xdp(body, members));

        /// <summary>A class <c>P</c> with the given members (programs of any type).</summary>
        public static DslProbe Class(string key, string members) =>
            new(key, DslCompilation.Usings + "public static class P\n{\n" + members + "\n}\n");

        /// <summary>A <c>[SocketFilter]</c> program <c>Run</c> around <paramref name="body"/>.</summary>
        public static DslProbe SocketFilter(string key, string body, string members = "") =>
            Class(key, members + "\n    [SocketFilter]\n    public static uint Run(SkBuffContext ctx)\n    {\n" + body + "\n    }");
    }
}
