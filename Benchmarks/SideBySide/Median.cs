using System.Collections.Generic;
using System.Linq;

namespace Ebpf.Benchmarks.SideBySide
{
    /// <summary>The median, which a single preempted round cannot drag the way it drags a mean.</summary>
    internal static class Median
    {
        /// <summary>The middle value, or the mean of the two middle values.</summary>
        public static double Of(IEnumerable<double> values)
        {
            double[] sorted = values.OrderBy(value => value).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            int middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
