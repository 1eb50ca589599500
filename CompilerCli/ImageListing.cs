using System.Globalization;
using System.Linq;
using System.Text;
using Ebpf.Asm;

namespace Ebpf.Compiler.Cli
{
    /// <summary>The <c>.s</c> listing of a collection image: its maps as comments, then each program with its C# lines.</summary>
    public static class ImageListing
    {
        /// <summary>Maps as comments, then per program a header and <see cref="Disassembler.List"/> with source lines.</summary>
        public static string Write(string className, CollectionImage image)
        {
            var text = new StringBuilder();
            text.Append("; ").Append(className).Append(": ")
                .Append(image.Programs.Count.ToString(CultureInfo.InvariantCulture)).Append(" programs, ")
                .Append(image.Maps.Count.ToString(CultureInfo.InvariantCulture)).Append(" maps\n");
            foreach (MapDefinition map in image.Maps)
            {
                text.Append("; map ").Append(map.Name).Append(": ").Append(map.Type)
                    .Append(", key ").Append(map.KeySize.ToString(CultureInfo.InvariantCulture))
                    .Append(" B, value ").Append(map.ValueSize.ToString(CultureInfo.InvariantCulture))
                    .Append(" B, max_entries ").Append(map.MaxEntries.ToString(CultureInfo.InvariantCulture));
                if (map.ProgramSlots.Count > 0)
                {
                    text.Append(", slots ").Append(string.Join(", ", map.ProgramSlots.Select(s => s.Slot.ToString(CultureInfo.InvariantCulture) + "=" + s.Program)));
                }

                text.Append('\n');
            }

            foreach (ProgramImage program in image.Programs)
            {
                text.Append('\n').Append("; program ").Append(program.Name).Append(": ").Append(program.Type);
                if (program.ExpectedAttachType is AttachType attach)
                {
                    text.Append(", attach ").Append(attach);
                }

                text.Append(", ").Append(program.Instructions.Count.ToString(CultureInfo.InvariantCulture)).Append(" instructions, license ")
                    .Append(program.License).Append('\n');
                text.Append(program.Name).Append(":\n");
                text.Append(Disassembler.List(program));
            }

            return text.ToString();
        }
    }
}
