using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ebpf.Loader.Cli
{
    /// <summary>Where commands write: standard output for data, standard error for messages; JSON when asked.</summary>
    public sealed class Terminal
    {
        private static readonly JsonSerializerOptions JsonOptions = new()
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };

        /// <summary>Creates a terminal over two writers.</summary>
        public Terminal(TextWriter output, TextWriter error)
        {
            Output = output;
            Error = error;
        }

        /// <summary>Data goes here.</summary>
        public TextWriter Output { get; }

        /// <summary>Messages and warnings go here.</summary>
        public TextWriter Error { get; }

        /// <summary>Writes <paramref name="value"/> as indented JSON with snake_case names.</summary>
        public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
    }
}
