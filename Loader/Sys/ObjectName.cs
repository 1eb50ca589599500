using System;
using System.Text;

namespace Ebpf.Loader.Sys
{
    /// <summary>Kernel object names: at most 15 bytes of [A-Za-z0-9_.] plus a NUL (BPF_OBJ_NAME_LEN 16).</summary>
    internal static unsafe class ObjectName
    {
        /// <summary>BPF_OBJ_NAME_LEN.</summary>
        public const int Length = 16;

        /// <summary>The part of <paramref name="name"/> the kernel keeps: invalid characters become '_', cut at 15 bytes.</summary>
        public static string Truncate(string name)
        {
            var text = new StringBuilder(Length - 1);
            foreach (char c in name)
            {
                if (text.Length == Length - 1)
                {
                    break;
                }

                bool valid = c < 128 && (char.IsLetterOrDigit(c) || c == '_' || c == '.');
                text.Append(valid ? c : '_');
            }

            return text.ToString();
        }

        /// <summary>Writes the truncated name, NUL-padded, to a 16-byte field.</summary>
        public static void Write(string name, byte* field)
        {
            new Span<byte>(field, Length).Clear();
            string kept = Truncate(name);
            for (int i = 0; i < kept.Length; i++)
            {
                field[i] = (byte)kept[i];
            }
        }

        /// <summary>Reads a NUL-terminated name from a 16-byte field.</summary>
        public static string Read(byte* field)
        {
            int length = 0;
            while (length < Length && field[length] != 0)
            {
                length++;
            }

            return Encoding.ASCII.GetString(field, length);
        }
    }
}
