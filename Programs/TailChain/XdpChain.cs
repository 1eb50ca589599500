using Ebpf.Dsl;
using Ebpf.Dsl.Maps;

namespace Ebpf.Programs.TailChain
{
    /// <summary>
    /// Three XDP programs chained by tail calls that share a per-CPU context: the first resets it and
    /// sets a value, the second sets another, the third reads both (the XDP twin of <see cref="EgressChain"/>).
    /// </summary>
    /// <remarks>Kernel: BPF_PROG_TYPE_XDP with BPF_XDP (4.8), BPF_MAP_TYPE_PERCPU_ARRAY (4.6),
    /// BPF_MAP_TYPE_PROG_ARRAY and bpf_tail_call (4.2).</remarks>
    [License("GPL")]
    public static partial class XdpChain
    {
        /// <summary>The value the first stage writes.</summary>
        public const byte FirstValue = 11;

        /// <summary>The value the second stage writes.</summary>
        public const byte SecondValue = 22;

        static readonly PerCpuArrayMap<TailContext> TailContextMap = new(maxEntries: 1);
        static readonly ProgramArrayMap<XdpContext, XdpAction> TailPrograms = new(maxEntries: 2);

        /// <summary>First stage: resets the shared context, sets its value, tail-calls <see cref="Xdp2"/>.</summary>
        [Xdp]
        public static XdpAction Xdp1(XdpContext ctx)
        {
            var shared = TailContextMap.Lookup(0);
            if (shared is null)
            {
                return XdpAction.Pass;
            }

            shared.Value = default;
            shared.Value.ValueFrom1 = FirstValue;
            return TailPrograms.TailCall(ctx, Xdp2) ?? XdpAction.Drop;
        }

        /// <summary>Second stage: sets its value, tail-calls <see cref="Xdp3"/>.</summary>
        [Xdp]
        public static XdpAction Xdp2(XdpContext ctx)
        {
            var shared = TailContextMap.Lookup(0);
            if (shared is null)
            {
                return XdpAction.Pass;
            }

            shared.Value.ValueFrom2 = SecondValue;
            return TailPrograms.TailCall(ctx, Xdp3) ?? XdpAction.Drop;
        }

        /// <summary>Third stage: reads both values (trace_printk) and passes the packet when both stages ran.</summary>
        [Xdp]
        public static XdpAction Xdp3(XdpContext ctx)
        {
            var shared = TailContextMap.Lookup(0);
            if (shared is null)
            {
                return XdpAction.Pass;
            }

            Bpf.TracePrintk("[xdp3] first=%d second=%d", shared.Value.ValueFrom1, shared.Value.ValueFrom2);
            return shared.Value.ValueFrom1 == FirstValue && shared.Value.ValueFrom2 == SecondValue
                ? XdpAction.Pass
                : XdpAction.Drop;
        }
    }
}
