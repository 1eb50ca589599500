using System;
using System.IO;

namespace Ebpf.Loader.Maps
{
    /// <summary>
    /// The CPUs the kernel may ever bring online (<c>/sys/devices/system/cpu/possible</c>): per-CPU map
    /// values hold one slot per possible CPU, not per online CPU.
    /// </summary>
    public static class PossibleCpus
    {
        private static readonly Lazy<int> CountValue = new Lazy<int>(() => Parse(File.ReadAllText("/sys/devices/system/cpu/possible")));

        /// <summary>The number of possible CPUs.</summary>
        public static int Count => CountValue.Value;

        /// <summary>Counts the CPUs in a list such as "0-3" or "0,2-5,8".</summary>
        public static int Parse(string list)
        {
            int count = 0;
            foreach (string part in list.Trim().Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int dash = part.IndexOf('-');
                if (dash < 0)
                {
                    int.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
                    count++;
                }
                else
                {
                    int first = int.Parse(part.Substring(0, dash), System.Globalization.CultureInfo.InvariantCulture);
                    int last = int.Parse(part.Substring(dash + 1), System.Globalization.CultureInfo.InvariantCulture);
                    count += last - first + 1;
                }
            }

            if (count == 0)
            {
                throw new FormatException($"no CPUs in '{list}'");
            }

            return count;
        }

        /// <summary>The bytes one CPU's value takes in a per-CPU buffer: <paramref name="valueSize"/> rounded up to 8.</summary>
        public static int Stride(int valueSize) => (valueSize + 7) & ~7;
    }
}
