using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    /// <summary>docs/dsl-surface.md names every public type of the DSL, so the page cannot silently fall behind.</summary>
    public class DocsTests
    {
        [Fact]
        public void SurfacePageNamesEveryPublicType()
        {
            string page = File.ReadAllText(FindRepoFile("docs/dsl-surface.md"));
            var missing = typeof(Bpf).Assembly.GetExportedTypes()
                .Select(t => t.Name.Split('`')[0])
                .Where(name => !page.Contains('`' + name, StringComparison.Ordinal)
                    && !page.Contains(name + '(', StringComparison.Ordinal)
                    && !page.Contains(name + '<', StringComparison.Ordinal)
                    && !page.Contains('[' + name.Replace("Attribute", string.Empty), StringComparison.Ordinal))
                .ToArray();
            Assert.Empty(missing);
        }

        private static string FindRepoFile(string relative)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            string fromSource = Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", relative);
            return fromSource;
        }

        private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
    }
}
