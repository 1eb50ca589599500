using System;
using System.Globalization;
using System.Text;

namespace Ebpf.Dsl
{
    /// <summary>The subset of printf formatting <c>bpf_trace_printk</c> accepts, for the CLR implementation.</summary>
    internal static class TraceFormat
    {
        public static string Format(string format, ReadOnlySpan<long> args)
        {
            var text = new StringBuilder(format.Length + 16);
            int next = 0;
            for (int i = 0; i < format.Length; i++)
            {
                char c = format[i];
                if (c != '%')
                {
                    text.Append(c);
                    continue;
                }

                if (++i >= format.Length)
                {
                    throw new FormatException("format ends inside a conversion");
                }

                if (format[i] == '%')
                {
                    text.Append('%');
                    continue;
                }

                int longs = 0;
                while (i < format.Length && format[i] == 'l')
                {
                    longs++;
                    i++;
                }

                if (i >= format.Length || longs > 2)
                {
                    throw new FormatException($"bad conversion in \"{format}\"");
                }

                if (next >= args.Length)
                {
                    throw new FormatException($"\"{format}\" has more conversions than arguments");
                }

                long value = args[next++];
                text.Append(Convert(format[i], longs > 0, value));
            }

            return text.ToString();
        }

        private static string Convert(char conversion, bool wide, long value)
        {
            var culture = CultureInfo.InvariantCulture;
            return conversion switch
            {
                'd' or 'i' => wide ? value.ToString(culture) : ((int)value).ToString(culture),
                'u' => wide ? ((ulong)value).ToString(culture) : ((uint)value).ToString(culture),
                'x' => wide ? ((ulong)value).ToString("x", culture) : ((uint)value).ToString("x", culture),
                'X' => wide ? ((ulong)value).ToString("X", culture) : ((uint)value).ToString("X", culture),
                _ => throw new FormatException($"bpf_trace_printk does not support %{conversion} here"),
            };
        }
    }
}
