using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace Ebpf.Compiler.Cli
{
    /// <summary>
    /// The assemblies DSL sources compile against: the runtime's reference assemblies (the Microsoft.NETCore.App.Ref
    /// pack of the SDK next to the running runtime), else the running runtime's own assemblies.
    /// </summary>
    public static class PlatformReferences
    {
        /// <summary>Paths of the platform assemblies, reference pack first.</summary>
        public static IReadOnlyList<string> Paths()
        {
            string? pack = ReferencePack();
            if (pack is not null)
            {
                return Directory.GetFiles(pack, "*.dll").OrderBy(path => path, StringComparer.Ordinal).ToList();
            }

            string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            string runtime = RuntimeEnvironment.GetRuntimeDirectory();
            return trusted.Split(Path.PathSeparator)
                .Where(path => path.Length > 0 && path.StartsWith(runtime, StringComparison.Ordinal))
                .ToList();
        }

        /// <summary>
        /// <c>DOTNET_ROOT/packs/Microsoft.NETCore.App.Ref/&lt;runtime version&gt;/ref/net&lt;major.minor&gt;</c>, or null when
        /// the runtime is not part of an SDK install.
        /// </summary>
        private static string? ReferencePack()
        {
            // The runtime directory is DOTNET_ROOT/shared/Microsoft.NETCore.App/<version>/.
            var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
            DirectoryInfo? root = runtime.Parent?.Parent?.Parent;
            if (root is null)
            {
                return null;
            }

            Version version = Environment.Version;
            string pack = Path.Combine(root.FullName, "packs", "Microsoft.NETCore.App.Ref", runtime.Name, "ref", $"net{version.Major}.{version.Minor}");
            return Directory.Exists(pack) && File.Exists(Path.Combine(pack, "System.Runtime.dll")) ? pack : null;
        }
    }
}
