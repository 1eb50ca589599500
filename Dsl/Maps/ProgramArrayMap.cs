using System;
using System.Collections.Generic;
using System.Reflection;
using Ebpf.Asm;

namespace Ebpf.Dsl.Maps
{
    /// <summary>
    /// A table of programs to tail-call into, declared as a static field:
    /// <c>static readonly ProgramArrayMap&lt;SkBuffContext, CgroupSkbVerdict&gt; Chain = new(maxEntries: 2);</c>.
    /// All programs in it share the context and verdict type (kernel 6.18 also demands one expected_attach_type).
    /// </summary>
    /// <typeparam name="TContext">The programs' context type.</typeparam>
    /// <typeparam name="TVerdict">The programs' verdict type (<see cref="XdpAction"/>, <see cref="CgroupSkbVerdict"/>,
    /// <see cref="TcAction"/>).</typeparam>
    /// <remarks>
    /// Kernel: BPF_MAP_TYPE_PROG_ARRAY, since 4.2; <c>bpf_tail_call</c>, helper 12, since 4.2. A tail call that works
    /// does not return: the target's verdict is the run's verdict. One that fails (index out of range, empty slot,
    /// 33 tail calls already made in this run: MAX_TAIL_CALL_CNT) falls through to the next statement. Only calls that
    /// reach a program count towards the 33, as measured on the x86-64 JIT of kernel 6.18 (the interpreter also
    /// counts attempts on empty slots).
    /// </remarks>
    public sealed class ProgramArrayMap<TContext, TVerdict>
        where TContext : ProgramContext
        where TVerdict : struct
    {
        /// <summary>The kernel's MAX_TAIL_CALL_CNT.</summary>
        public const int MaxTailCalls = 33;

        private readonly Func<TContext, TVerdict>?[] _slots;
        private readonly Dictionary<MethodInfo, int> _targetSlots = new();

        /// <summary>Declares the map.</summary>
        /// <param name="maxEntries">The number of slots (at least 1, and at least the number of distinct targets
        /// named in <see cref="TailCall(TContext, Func{TContext, TVerdict})"/> calls).</param>
        /// <param name="pinning">Whether the loader pins the map (a PROG_ARRAY empties when its last user-space
        /// reference goes, so pin one that outlives the loader).</param>
        public ProgramArrayMap(int maxEntries, MapPinning pinning = MapPinning.None)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
            MaxEntries = maxEntries;
            Pinning = pinning;
            _slots = new Func<TContext, TVerdict>?[maxEntries];
        }

        /// <summary>The number of slots (max_entries).</summary>
        public int MaxEntries { get; }

        /// <summary>Whether the loader pins the map.</summary>
        public MapPinning Pinning { get; }

        /// <summary>
        /// Tail-calls <paramref name="target"/>, named by a method group: the compiler gives each distinct target a slot
        /// and the loader fills it. Write <c>return Chain.TailCall(ctx, Next) ?? fallback;</c>.
        /// </summary>
        /// <param name="context">The current program's context (passed on unchanged).</param>
        /// <param name="target">A static program method of the same type.</param>
        /// <returns>Under the CLR the target's verdict; null when the call falls through (in the kernel a call that
        /// returns always falls through). The compiler requires a non-null result to be returned at once.</returns>
        [HelperCall(12, "bpf_tail_call", "4.2")]
        public TVerdict? TailCall(TContext context, Func<TContext, TVerdict> target)
        {
            ArgumentNullException.ThrowIfNull(target);
            int slot;
            lock (_targetSlots)
            {
                if (!_targetSlots.TryGetValue(target.Method, out slot))
                {
                    slot = _targetSlots.Count;
                    if (slot >= MaxEntries)
                    {
                        throw new InvalidOperationException(
                            $"more tail-call targets than max_entries ({MaxEntries}): the compiler rejects this program");
                    }

                    _targetSlots.Add(target.Method, slot);
                    _slots[slot] ??= target;
                }
            }

            return TailCall(context, (uint)slot);
        }

        /// <summary>Tail-calls whatever program is in slot <paramref name="index"/> (e.g. the XDP root array's slots,
        /// filled at run time by user space).</summary>
        /// <param name="context">The current program's context.</param>
        /// <param name="index">The slot.</param>
        /// <returns>Under the CLR the target's verdict; null when the call falls through.</returns>
        [HelperCall(12, "bpf_tail_call", "4.2")]
        public TVerdict? TailCall(TContext context, uint index)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (index >= (uint)MaxEntries || context.TailCallCount >= MaxTailCalls)
            {
                return null;
            }

            var program = _slots[index];
            if (program is null)
            {
                return null;
            }

            context.TailCallCount++;
            return program(context);
        }

        /// <summary>Puts <paramref name="program"/> into slot <paramref name="index"/>, as user space does with
        /// BPF_MAP_UPDATE_ELEM.</summary>
        /// <param name="index">The slot.</param>
        /// <param name="program">The program method.</param>
        [ManagedOnly]
        public void Set(uint index, Func<TContext, TVerdict> program)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, (uint)MaxEntries);
            _slots[index] = program;
        }

        /// <summary>Empties slot <paramref name="index"/>, as user space does with BPF_MAP_DELETE_ELEM: tail calls to it
        /// fall through.</summary>
        /// <param name="index">The slot.</param>
        [ManagedOnly]
        public void Clear(uint index)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, (uint)MaxEntries);
            _slots[index] = null;
        }

        /// <summary>Empties the slot the compiler gave <paramref name="target"/> (tail calls to it fall through).</summary>
        /// <param name="target">A program named in tail calls on this map.</param>
        [ManagedOnly]
        public void Clear(Func<TContext, TVerdict> target)
        {
            ArgumentNullException.ThrowIfNull(target);
            lock (_targetSlots)
            {
                if (!_targetSlots.TryGetValue(target.Method, out int slot))
                {
                    slot = _targetSlots.Count;
                    if (slot >= MaxEntries)
                    {
                        throw new InvalidOperationException($"more tail-call targets than max_entries ({MaxEntries})");
                    }

                    _targetSlots.Add(target.Method, slot);
                }

                _slots[slot] = null;
            }
        }
    }
}
