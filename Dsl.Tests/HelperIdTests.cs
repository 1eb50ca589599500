using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    /// <summary>Every <see cref="HelperCallAttribute"/> names the helper id the kernel's UAPI header gives it.</summary>
    public class HelperIdTests
    {
        private const string UapiHeader = "/usr/include/linux/bpf.h";

        [Fact]
        public void HelperIdsMatchTheKernelHeader()
        {
            Assert.SkipUnless(File.Exists(UapiHeader), $"{UapiHeader} is not installed");
            var ids = KernelHelperIds(File.ReadAllText(UapiHeader));
            var attributes = typeof(Bpf).Assembly.GetTypes()
                .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .SelectMany(m => m.GetCustomAttributes<HelperCallAttribute>().Select(a => (Member: m, Attribute: a)))
                .ToArray();

            Assert.True(attributes.Length > 20, $"only {attributes.Length} helper members found");
            foreach (var (member, attribute) in attributes)
            {
                string name = attribute.KernelName["bpf_".Length..];
                Assert.True(ids.TryGetValue(name, out int id), $"{member.DeclaringType}.{member.Name}: no helper {attribute.KernelName}");
                Assert.True(id == attribute.Id, $"{member.DeclaringType}.{member.Name}: {attribute.KernelName} is {id}, not {attribute.Id}");
                Assert.Matches(@"^\d+\.\d+$", attribute.MinKernel);
            }
        }

        private static Dictionary<string, int> KernelHelperIds(string header)
        {
            // Older headers number helpers by position (FN(name)), newer ones explicitly (FN(name, id, ctx)).
            var define = Regex.Match(header, @"#define _{2,3}BPF_FUNC_MAPPER\(FN[^)]*\)");
            Assert.True(define.Success, "__BPF_FUNC_MAPPER not found");
            int start = define.Index + define.Length;
            int end = header.IndexOf("/* */", start, StringComparison.Ordinal);
            var names = Regex.Matches(header[start..end], @"FN\((\w+)(?:,\s*(\d+))?")
                .Select((m, index) => (Name: m.Groups[1].Value, Id: m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : index));
            return names.ToDictionary(n => n.Name, n => n.Id);
        }
    }
}
