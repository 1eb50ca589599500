using System;
using System.IO;

namespace Ebpf.Loader.Features
{
    /// <summary>The running kernel's release, from /proc/sys/kernel/osrelease (e.g. "6.18.44-fc").</summary>
    public static class KernelVersion
    {
        private static readonly Lazy<Version> CurrentValue = new Lazy<Version>(() => Parse(File.ReadAllText("/proc/sys/kernel/osrelease")));

        /// <summary>Major.minor.patch of the running kernel.</summary>
        public static Version Current => CurrentValue.Value;

        /// <summary>Whether the running kernel is at least <paramref name="major"/>.<paramref name="minor"/>.</summary>
        public static bool AtLeast(int major, int minor) => Current >= new Version(major, minor);

        /// <summary>Parses the leading "a.b[.c]" of a release string.</summary>
        public static Version Parse(string release)
        {
            int[] parts = new int[3];
            int part = 0;
            foreach (char c in release.Trim())
            {
                if (c >= '0' && c <= '9')
                {
                    parts[part] = parts[part] * 10 + (c - '0');
                }
                else if (c == '.' && part < 2)
                {
                    part++;
                }
                else
                {
                    break;
                }
            }

            return new Version(parts[0], parts[1], parts[2]);
        }
    }
}
