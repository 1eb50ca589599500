using System;
using System.Globalization;
using System.IO;
using System.Text;
using Ebpf.Asm;

namespace Ebpf.Loader.RootArray
{
    /// <summary>
    /// The root program written in assembly (xdp_root.s, embedded), until the DSL-compiled one replaces it.
    /// The file is a template: the block between <c># @each-slot</c> and <c># @end</c> is repeated once per slot
    /// with <c>{slot}</c> replaced, so every tail call has a constant key; <c>{root_row}</c> is the slot count.
    /// </summary>
    public static class XdpRootAssembly
    {
        /// <summary>The embedded template's resource name.</summary>
        public const string ResourceName = "Ebpf.Loader.RootArray.xdp_root.s";

        private const string BlockStart = "# @each-slot";
        private const string BlockEnd = "# @end";

        /// <summary>The root array image for <paramref name="slots"/> slots: root program, PROG_ARRAY, stats map.</summary>
        public static RootArrayImage Build(int slots)
        {
            if (slots < 1 || slots > RootArrayImage.MaxSlots)
            {
                throw new ArgumentOutOfRangeException(nameof(slots), slots, $"a root array has 1..{RootArrayImage.MaxSlots} slots");
            }

            ProgramImage program = Assembler.Assemble(Expand(Template(), slots), RootArrayImage.DefaultProgramName, ProgramType.Xdp, "xdp_root.s");
            var image = new CollectionImage(RootArrayImage.MapsFor(slots), new[] { program });
            return new RootArrayImage(image);
        }

        /// <summary>The template text of xdp_root.s.</summary>
        public static string Template()
        {
            using Stream stream = typeof(XdpRootAssembly).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"resource {ResourceName} is missing from {typeof(XdpRootAssembly).Assembly.GetName().Name}");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        /// <summary>Expands the template for <paramref name="slots"/> slots.</summary>
        public static string Expand(string template, int slots)
        {
            string[] lines = (template ?? throw new ArgumentNullException(nameof(template))).Split('\n');
            var text = new StringBuilder();
            string root = slots.ToString(CultureInfo.InvariantCulture);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != BlockStart)
                {
                    text.Append(lines[i].Replace("{root_row}", root)).Append('\n');
                    continue;
                }

                int end = Array.FindIndex(lines, i + 1, l => l.Trim() == BlockEnd);
                if (end < 0)
                {
                    throw new FormatException($"xdp_root.s: '{BlockStart}' at line {i + 1} has no '{BlockEnd}'");
                }

                for (int slot = 0; slot < slots; slot++)
                {
                    for (int j = i + 1; j < end; j++)
                    {
                        text.Append(lines[j].Replace("{slot}", slot.ToString(CultureInfo.InvariantCulture))).Append('\n');
                    }
                }

                i = end;
            }

            return text.ToString();
        }
    }
}
