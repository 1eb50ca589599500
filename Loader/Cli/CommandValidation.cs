using System.CommandLine;
using System.Linq;
using System.CommandLine.Parsing;

namespace Ebpf.Loader.Cli
{
    /// <summary>
    /// What a command validator may ask about its options without reading their values: a validator runs even when a
    /// value did not parse, and <see cref="SymbolResult.GetValue{T}(Option{T})"/> then throws (<c>load --image ''</c>
    /// escaped as an exception). Asking whether an option was given is always safe.
    /// </summary>
    public static class CommandValidation
    {
        /// <summary>Whether <paramref name="option"/> appears on the command line (not just its default).</summary>
        public static bool Given(this CommandResult result, Option option) =>
            result.GetResult(option) is OptionResult { Implicit: false };

        /// <summary>Whether <paramref name="argument"/> got a token.</summary>
        public static bool Given(this CommandResult result, Argument argument) =>
            result.GetResult(argument) is ArgumentResult { Tokens.Count: > 0 };

        /// <summary>The value of a switch, false when it is absent or its value does not parse (that error is reported anyway).</summary>
        public static bool IsOn(this CommandResult result, Option<bool> option)
        {
            if (!result.Given(option) || result.GetResult(option) is not OptionResult optionResult || optionResult.Errors.Any())
            {
                return false;
            }

            try
            {
                return result.GetValue(option);
            }
            catch (System.InvalidOperationException)
            {
                return false;
            }
        }
    }
}
