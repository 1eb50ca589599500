using Ebpf.Asm;
using Ebpf.Loader.Sys;

namespace Ebpf.Loader.Programs
{
    /// <summary>
    /// The verifier rejected a program. Carries the whole log, the instruction it stopped at and, when the
    /// image has a source map, the source line of that instruction.
    /// </summary>
    public sealed class VerifierException : BpfException
    {
        /// <summary>Creates the exception for <paramref name="image"/> rejected with <paramref name="errno"/>.</summary>
        public VerifierException(ProgramImage image, int errno, VerifierLog log, int logBufferSize)
            : base(BpfCommand.ProgLoad, errno, Compose(image, log, out int? index, out SourceLocation? location))
        {
            ProgramName = image.Name;
            Log = log;
            LogBufferSize = logBufferSize;
            InstructionIndex = index;
            Location = location;
        }

        /// <summary>The rejected program's name.</summary>
        public string ProgramName { get; }

        /// <summary>The verifier log.</summary>
        public VerifierLog Log { get; }

        /// <summary>The one-line reason: the verifier's last meaningful line.</summary>
        public string Summary => Log.Summary;

        /// <summary>The slot the verifier stopped at (its numbering).</summary>
        public int? FailingSlot => Log.FailingSlot;

        /// <summary>The index into <see cref="ProgramImage.Instructions"/> of the failing instruction.</summary>
        public int? InstructionIndex { get; }

        /// <summary>The source of the failing instruction, when the image has a source map.</summary>
        public SourceLocation? Location { get; }

        /// <summary>The size of the log buffer the last attempt used.</summary>
        public int LogBufferSize { get; }

        /// <summary>
        /// The verifier's verdict with the C# (or assembly) location first-class; the errno (EACCES, EINVAL …) adds nothing
        /// a reader can act on, so it stays in <see cref="BpfException.Errno"/> rather than the message.
        /// </summary>
        public override string Message => Detail ?? base.Message;

        private static string Compose(ProgramImage image, VerifierLog log, out int? index, out SourceLocation? location)
        {
            index = null;
            location = null;
            string where = string.Empty;
            if (log.FailingSlot is int slot)
            {
                int found = image.InstructionIndexOfSlot(slot);
                index = found >= 0 ? found : null;
                where = $" at instruction {slot}";
                location = found >= 0 ? image.LocationOf(found) : null;
                if (location is not null)
                {
                    where += $" ({location}{(location.Text is null ? string.Empty : ": " + location.Text.Trim())})";
                }
            }

            string summary = log.Summary.Length > 0 ? log.Summary : "no verifier log";
            return $"the verifier rejected program '{image.Name}'{where}: {summary}\n{log.Tail(12)}";
        }
    }
}
