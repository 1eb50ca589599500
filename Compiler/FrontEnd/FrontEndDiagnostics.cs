using System.Collections.Concurrent;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.FrontEnd
{
    /// <summary>
    /// Creates the front end's diagnostics by their agreed ids: title, category, severity and help link come from
    /// <see cref="DiagnosticCatalogue"/>; the message is the front end's own sentence about the construct it met.
    /// </summary>
    internal static class FrontEndDiagnostics
    {
        private static readonly ConcurrentDictionary<string, DiagnosticDescriptor> Descriptors = new ConcurrentDictionary<string, DiagnosticDescriptor>();

        public const string ProgramSignature = "EBPF1001";
        public const string MapDeclaration = "EBPF1002";
        public const string ProgramName = "EBPF1003";
        public const string ConfigurationField = "EBPF1004";
        public const string UnsupportedOperation = "EBPF2001";
        public const string Allocation = "EBPF2002";
        public const string StringOutsideFormat = "EBPF2003";
        public const string FloatingPoint = "EBPF2004";
        public const string Exceptions = "EBPF2005";
        public const string IndirectCall = "EBPF2006";
        public const string Recursion = "EBPF2007";
        public const string CallWithoutSource = "EBPF2008";
        public const string UncheckedMapValue = "EBPF3001";
        public const string PacketBounds = "EBPF3002";
        public const string UnsupportedType = "EBPF3003";
        public const string StackTooLarge = "EBPF4001";
        public const string TooManyHelperArguments = "EBPF4002";
        public const string UnboundedLoop = "EBPF4003";
        public const string HelperNotAllowed = "EBPF4004";
        public const string TailCallTypeMismatch = "EBPF4005";
        public const string TooManyTailCallTargets = "EBPF4006";
        public const string InternalError = "EBPF9001";

        /// <summary>A diagnostic with the id's descriptor; the message is the whole text.</summary>
        public static Diagnostic Create(string id, Location? location, string message) =>
            Diagnostic.Create(Descriptor(id), location ?? Location.None, message);

        /// <summary>The descriptor of an id (error, except EBPF1003 which is a warning).</summary>
        public static DiagnosticDescriptor Descriptor(string id) =>
            Descriptors.GetOrAdd(id, key => DiagnosticCatalogue.Find(key) is { } known
                ? new DiagnosticDescriptor(key, known.Title, "{0}", known.Category, known.DefaultSeverity, isEnabledByDefault: true, helpLinkUri: known.HelpLinkUri)
                : new DiagnosticDescriptor(
                    key,
                    Title(key),
                    "{0}",
                    Category(key),
                    key == ProgramName ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
                    isEnabledByDefault: true,
                    helpLinkUri: DiagnosticCatalogue.HelpLink(key)));

        private static string Category(string id) =>
            id[4] == '1' ? "Ebpf.Shape" : id[4] == '2' ? "Ebpf.Unsupported" : id[4] == '3' ? "Ebpf.Memory" : id[4] == '4' ? "Ebpf.Limits" : "Ebpf.Internal";

        private static string Title(string id)
        {
            switch (id)
            {
                case ProgramSignature: return "Program method signature";
                case MapDeclaration: return "Map declaration";
                case ProgramName: return "Program name too long";
                case ConfigurationField: return "Configuration field";
                case UnsupportedOperation: return "Unsupported operation";
                case Allocation: return "Allocation";
                case StringOutsideFormat: return "String outside a trace format";
                case FloatingPoint: return "Floating point";
                case Exceptions: return "Exceptions";
                case IndirectCall: return "Indirect call";
                case Recursion: return "Recursion";
                case CallWithoutSource: return "Call without source";
                case UncheckedMapValue: return "Unchecked map value";
                case PacketBounds: return "Packet bounds";
                case UnsupportedType: return "Unsupported type";
                case StackTooLarge: return "Stack too large";
                case TooManyHelperArguments: return "Too many helper arguments";
                case UnboundedLoop: return "Unbounded loop";
                case HelperNotAllowed: return "Helper not allowed";
                case TailCallTypeMismatch: return "Tail call type mismatch";
                case TooManyTailCallTargets: return "Too many tail-call targets";
                default: return "Internal compiler error";
            }
        }
    }
}
