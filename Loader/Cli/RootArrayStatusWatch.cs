using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Ebpf.Loader.RootArray;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// <c>status --watch</c>: the same table every interval, with counters turned into packets per second over the
    /// last interval (a slot whose program changed starts again from its new counters).
    /// </summary>
    public static class RootArrayStatusWatch
    {
        /// <summary>Refreshes until <paramref name="count"/> tables were printed (0: forever).</summary>
        public static int Run(Terminal terminal, string[] requested, int count, TimeSpan interval)
        {
            bool clear = !Console.IsOutputRedirected && ReferenceEquals(terminal.Output, Console.Out);
            List<(string Name, RootArrayStatus? Status)> previous = RootArrayStatusCommand.Read(requested);
            var clock = Stopwatch.StartNew();
            for (int printed = 0; count <= 0 || printed < count; printed++)
            {
                Thread.Sleep(interval);
                List<(string Name, RootArrayStatus? Status)> current = RootArrayStatusCommand.Read(requested);
                double seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                clock.Restart();
                if (clear)
                {
                    terminal.Output.Write("\u001b[H\u001b[2J");
                }

                if (current.Count == 0)
                {
                    terminal.Output.WriteLine("No root array is attached to any interface.");
                }

                foreach ((string name, RootArrayStatus? status) in current)
                {
                    RootArrayStatus? before = previous.FirstOrDefault(p => p.Name == name).Status;
                    RootArrayStatusCommand.Write(terminal.Output, name, status is null ? null : Rates(before, status, seconds), "packets per second:");
                }

                terminal.Output.Flush();
                previous = current;
            }

            return 0;
        }

        /// <summary>
        /// <paramref name="current"/> with every counter replaced by its increase since <paramref name="before"/> divided by
        /// <paramref name="seconds"/> (rounded). Rows whose program changed, or with no earlier reading, count from zero.
        /// </summary>
        public static RootArrayStatus Rates(RootArrayStatus? before, RootArrayStatus current, double seconds)
        {
            if (current is null)
            {
                throw new ArgumentNullException(nameof(current));
            }

            SlotStatus Row(SlotStatus now, SlotStatus? then)
            {
                VerdictCounters old = then is not null && then.ProgramId == now.ProgramId ? then.Counters : default;
                VerdictCounters c = now.Counters;
                return now with
                {
                    Counters = new VerdictCounters(
                        Rate(c.Aborted, old.Aborted),
                        Rate(c.Drop, old.Drop),
                        Rate(c.Pass, old.Pass),
                        Rate(c.Tx, old.Tx),
                        Rate(c.Redirect, old.Redirect),
                        Rate(c.InvalidAction, old.InvalidAction)),
                };
            }

            ulong Rate(ulong now, ulong then) => now < then ? 0 : (ulong)Math.Round((now - then) / seconds);

            bool sameArray = before is not null && before.Root.ProgramId == current.Root.ProgramId;
            return current with
            {
                Root = Row(current.Root, sameArray ? before!.Root : null),
                Slots = current.Slots.Select(s => Row(s, sameArray ? before!.Slots.FirstOrDefault(b => b.Slot == s.Slot) : null)).ToList(),
            };
        }
    }
}
