using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    /// <summary>What only tests may do is marked, so the compiler can refuse it inside programs.</summary>
    public class ManagedOnlyTests
    {
        [Fact]
        public void ContextConstructorsAndInitAccessorsAreManagedOnly()
        {
            foreach (var type in new[] { typeof(XdpContext), typeof(SkBuffContext) })
            {
                Assert.All(type.GetConstructors(), c => Assert.NotNull(c.GetCustomAttribute<ManagedOnlyAttribute>()));
                var initAccessors = type.GetProperties()
                    .Select(p => p.SetMethod)
                    .Where(s => s is not null && s.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"))
                    .ToArray();
                Assert.NotEmpty(initAccessors);
                Assert.All(initAccessors, s => Assert.NotNull(s!.GetCustomAttribute<ManagedOnlyAttribute>()));
            }

            Assert.NotNull(typeof(BpfRuntime).GetCustomAttribute<ManagedOnlyAttribute>());
        }

        [Fact]
        public void FramesShorterThanAnEthernetHeaderAreRefused()
        {
            Assert.Throws<ArgumentException>(() => new XdpContext(new byte[13]));
        }
    }
}
