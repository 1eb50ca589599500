using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// Range checks that run while parsing, so an out-of-range number is a usage error (exit 2, with the "see --help"
    /// line) like a number that does not parse, before anything touches the kernel.
    /// </summary>
    public static class RangeValidation
    {
        /// <summary>Refuses values of <paramref name="option"/> outside <paramref name="min"/>..<paramref name="max"/>; <paramref name="why"/> is appended to the message.</summary>
        public static Option<int> InRange(this Option<int> option, int min, int max, string? why = null)
        {
            option.Validators.Add(result => Check(result, option.Name, min, max, why));
            return option;
        }

        /// <summary>Refuses values of <paramref name="argument"/> outside <paramref name="min"/>..<paramref name="max"/>.</summary>
        public static Argument<int> InRange(this Argument<int> argument, int min, int max, string? why = null)
        {
            argument.Validators.Add(result => Check(result, argument.Name.ToUpperInvariant(), min, max, why));
            return argument;
        }

        // A token that does not parse gets System.CommandLine's own message; only parsed values are checked here.
        private static void Check(SymbolResult result, string name, int min, int max, string? why)
        {
            if (result.Tokens.Count == 1 &&
                int.TryParse(result.Tokens[0].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) &&
                (value < min || value > max))
            {
                string range = max == int.MaxValue ? $"at least {min}" : $"{min}..{max}";
                result.AddError($"{name}: {value} is out of range ({range}{(why is null ? string.Empty : ": " + why)})");
            }
        }
    }
}
