using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Diagnostics;

/// <summary>
/// The one catalogue of <c>EBPFnnnn</c> diagnostics, shared by the analyzers, the front end, the generator and the tests.
/// </summary>
/// <remarks>
/// Ranges: 1xxx program shape · 2xxx unsupported C# · 3xxx types and memory · 4xxx kernel limits · 9xxx internal.
/// Every id has a section in <c>docs/diagnostics.md</c> and its <see cref="DiagnosticDescriptor.HelpLinkUri"/> points at it.
/// </remarks>
public static class DiagnosticCatalogue
{
    /// <summary>Repository-relative page that documents every id; help links append <c>#ebpfnnnn</c>.</summary>
    public const string HelpPage = "docs/diagnostics.md";

    /// <summary>Category of EBPF1xxx: the shape of programs, maps and configuration fields.</summary>
    public const string ShapeCategory = "Ebpf.Shape";

    /// <summary>Category of EBPF2xxx: C# the eBPF compiler does not support.</summary>
    public const string UnsupportedCSharpCategory = "Ebpf.UnsupportedCSharp";

    /// <summary>Category of EBPF3xxx: types and memory safety.</summary>
    public const string TypesAndMemoryCategory = "Ebpf.TypesAndMemory";

    /// <summary>Category of EBPF4xxx: limits the kernel's verifier enforces.</summary>
    public const string KernelLimitsCategory = "Ebpf.KernelLimits";

    /// <summary>Category of EBPF9xxx: compiler bugs.</summary>
    public const string InternalCategory = "Ebpf.Internal";

    /// <summary>EBPF1001: a program method must be static, take one context parameter of its attribute's context type and return its verdict type.</summary>
    /// <remarks>Arguments: {0} method name, {1} attribute, {2} the expected signature.</remarks>
    public static readonly DiagnosticDescriptor ProgramSignature = Error(
        "EBPF1001", ShapeCategory,
        "Program signature does not match its attribute",
        "Program '{0}' with [{1}] must be declared as 'static {2}'");

    /// <summary>EBPF1002: a map must be a <c>static readonly</c> field initialised with <c>new XxxMap(...)</c> whose arguments are constants.</summary>
    /// <remarks>Arguments: {0} field name, {1} what is wrong.</remarks>
    public static readonly DiagnosticDescriptor MapDeclaration = Error(
        "EBPF1002", ShapeCategory,
        "Map must be a static readonly field initialised with constant arguments",
        "Map '{0}' {1}: declare it as 'static readonly' and initialise it with 'new(...)' whose arguments are constants");

    /// <summary>EBPF1003: the program's name is longer than the kernel keeps (15 bytes); the kernel truncates it.</summary>
    /// <remarks>Kernel: <c>BPF_OBJ_NAME_LEN</c> is 16 including the terminating NUL. Arguments: {0} name, {1} its length in bytes.</remarks>
    public static readonly DiagnosticDescriptor ProgramName = new(
        "EBPF1003",
        "Program name is longer than 15 bytes",
        "Program name '{0}' is {1} bytes long; the kernel keeps only the first 15 bytes: shorten it so 'status' and bpftool show it whole",
        ShapeCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "The kernel stores program names in BPF_OBJ_NAME_LEN (16) bytes including the terminating NUL.",
        helpLinkUri: HelpLink("EBPF1003"));

    /// <summary>EBPF1004: a static field other than a map must be <c>const</c> or <c>static readonly</c> with a constant initialiser.</summary>
    /// <remarks>Arguments: {0} field name.</remarks>
    public static readonly DiagnosticDescriptor ConfigurationField = Error(
        "EBPF1004", ShapeCategory,
        "Configuration field must be constant",
        "Static field '{0}' is used by a program: make it 'const' or 'static readonly' with a constant initialiser, or store run-time state in a map");

    /// <summary>EBPF2001: an operation or syntax the compiler does not support.</summary>
    /// <remarks>Arguments: {0} the construct.</remarks>
    public static readonly DiagnosticDescriptor UnsupportedOperation = Error(
        "EBPF2001", UnsupportedCSharpCategory,
        "Unsupported C# in a program",
        "{0} is not supported in eBPF programs: rewrite it with the constructs listed in docs/dsl-surface.md");

    /// <summary>EBPF2002: heap allocation (reference-type <c>new</c>, arrays, boxing, closures, string concatenation).</summary>
    /// <remarks>Arguments: {0} what allocates.</remarks>
    public static readonly DiagnosticDescriptor Allocation = Error(
        "EBPF2002", UnsupportedCSharpCategory,
        "Heap allocation in a program",
        "{0} allocates on the heap, which eBPF programs cannot do: use struct locals, constants, or a map value");

    /// <summary>EBPF2003: a string other than the literal format of <c>Bpf.TracePrintk</c>.</summary>
    public static readonly DiagnosticDescriptor StringOutsideFormat = Error(
        "EBPF2003", UnsupportedCSharpCategory,
        "String outside a trace_printk format",
        "Strings are supported only as the literal format argument of Bpf.TracePrintk: pass numbers, or move the text into the format literal");

    /// <summary>EBPF2004: floating point (<c>float</c>, <c>double</c>, <c>decimal</c>).</summary>
    /// <remarks>Arguments: {0} the type.</remarks>
    public static readonly DiagnosticDescriptor FloatingPoint = Error(
        "EBPF2004", UnsupportedCSharpCategory,
        "Floating point in a program",
        "'{0}' is floating point, which eBPF has no instructions for: use integer arithmetic (for example fixed point in a 'long')");

    /// <summary>EBPF2005: exceptions (<c>throw</c>, <c>try</c>/<c>catch</c>/<c>finally</c>, checked arithmetic).</summary>
    /// <remarks>Arguments: {0} the construct.</remarks>
    public static readonly DiagnosticDescriptor Exceptions = Error(
        "EBPF2005", UnsupportedCSharpCategory,
        "Exceptions in a program",
        "{0} needs exceptions, which eBPF programs cannot raise or catch: return a verdict (for example XdpAction.Aborted) instead");

    /// <summary>EBPF2006: virtual, interface or delegate calls, lambdas, local functions captured as delegates.</summary>
    /// <remarks>Arguments: {0} the construct.</remarks>
    public static readonly DiagnosticDescriptor IndirectCall = Error(
        "EBPF2006", UnsupportedCSharpCategory,
        "Indirect call in a program",
        "{0} is an indirect call, which eBPF cannot make: call a static method directly");

    /// <summary>EBPF2007: a cycle in the static call graph.</summary>
    /// <remarks>Arguments: {0} the cycle, for example <c>A → B → A</c>.</remarks>
    public static readonly DiagnosticDescriptor Recursion = Error(
        "EBPF2007", UnsupportedCSharpCategory,
        "Recursion in a program",
        "Recursive call cycle {0}: the verifier rejects recursion; rewrite it as a bounded loop");

    /// <summary>EBPF2008: a call to a method that is neither part of the DSL nor in the compilation's source.</summary>
    /// <remarks>Arguments: {0} the method.</remarks>
    public static readonly DiagnosticDescriptor CallWithoutSource = Error(
        "EBPF2008", UnsupportedCSharpCategory,
        "Call to a method without source",
        "'{0}' is neither a DSL member nor a method of this project, so it cannot be compiled to eBPF: use a DSL helper or write the method in this project");

    /// <summary>EBPF3001: a map value (or other nullable DSL reference) used before it is checked for null.</summary>
    /// <remarks>Arguments: {0} the value, {1} where it came from.</remarks>
    public static readonly DiagnosticDescriptor UncheckedMapValue = Error(
        "EBPF3001", TypesAndMemoryCategory,
        "Map value used before it is checked",
        "'{0}' may be null: check the value returned by {1} (not the context) before using it");

    /// <summary>EBPF3002: packet access the verifier cannot prove to be in bounds.</summary>
    /// <remarks>Arguments: {0} the access.</remarks>
    public static readonly DiagnosticDescriptor PacketBounds = Error(
        "EBPF3002", TypesAndMemoryCategory,
        "Packet access not provably in bounds",
        "{0} is not provably inside the packet: read through ctx.Packet.At<T>(offset) and check the result for null, or use TryRead");

    /// <summary>EBPF3003: a type without a fixed unmanaged layout.</summary>
    /// <remarks>Arguments: {0} the type.</remarks>
    public static readonly DiagnosticDescriptor UnsupportedType = Error(
        "EBPF3003", TypesAndMemoryCategory,
        "Type has no fixed unmanaged layout",
        "Type '{0}' has no fixed unmanaged layout: use integers, enums, bool, or structs made of them");

    /// <summary>EBPF3004: a division or remainder whose divisor is not proven safe.</summary>
    /// <remarks>
    /// Kernel: BPF_DIV/BPF_MOD give x / 0 = 0 and x % 0 = x, signed MinValue / -1 = MinValue (cpu v4, 6.6); .NET throws
    /// DivideByZeroException / OverflowException. Arguments: {0} the expression, {1} " (or MinValue by -1)" for signed
    /// operands or "", {2} the divisor.
    /// </remarks>
    public static readonly DiagnosticDescriptor DivisionMayFault = Error(
        "EBPF3004", TypesAndMemoryCategory,
        "Division may fault on the CLR",
        "'{0}' may divide by zero{1}: the kernel returns a value where .NET throws; guard it with `if ({2} > 0)` or `if ({2} != 0)` on every path, or use unsigned operands");

    /// <summary>EBPF4001: the stack frame is larger than the kernel allows.</summary>
    /// <remarks>Kernel: MAX_BPF_STACK is 512 bytes; 256 for a caller when BPF-to-BPF calls are mixed with tail calls (since 5.10). Arguments: {0} program, {1} bytes, {2} limit.</remarks>
    public static readonly DiagnosticDescriptor StackTooLarge = Error(
        "EBPF4001", KernelLimitsCategory,
        "Stack frame too large",
        "'{0}' needs {1} bytes of stack, more than the kernel's limit of {2}: keep large structs in a per-CPU array map instead of locals");

    /// <summary>EBPF4002: more than five arguments to a helper or a BPF-to-BPF call.</summary>
    /// <remarks>Kernel: arguments are passed in r1–r5. Arguments: {0} callee, {1} count.</remarks>
    public static readonly DiagnosticDescriptor TooManyHelperArguments = Error(
        "EBPF4002", KernelLimitsCategory,
        "Too many call arguments",
        "Call to '{0}' passes {1} arguments, but eBPF passes at most 5 (r1–r5): group arguments in a struct passed by 'in' reference");

    /// <summary>EBPF4003: a loop the verifier cannot bound.</summary>
    /// <remarks>Kernel: bounded loops since 5.3. Arguments: {0} the loop.</remarks>
    public static readonly DiagnosticDescriptor UnboundedLoop = Error(
        "EBPF4003", KernelLimitsCategory,
        "Loop without a provable bound",
        "{0} has no bound the verifier can prove: loop over a counter compared with a constant");

    /// <summary>EBPF4004: a helper that the program's type may not call.</summary>
    /// <remarks>Arguments: {0} helper (kernel spelling), {1} program type.</remarks>
    public static readonly DiagnosticDescriptor HelperNotAllowed = Error(
        "EBPF4004", KernelLimitsCategory,
        "Helper not allowed for this program type",
        "Helper '{0}' is not available to {1} programs: use another helper or another program type");

    /// <summary>EBPF4005: a tail call to a program of another type or attach type.</summary>
    /// <remarks>
    /// Kernel: since 6.18 all programs in one PROG_ARRAY share <c>expected_attach_type</c>. Arguments: {0} target,
    /// {1} what it is (<c>a CgroupSkb (egress) program</c>, or <c>not a program method of this class</c>), {2} what the caller is.
    /// </remarks>
    public static readonly DiagnosticDescriptor TailCallTypeMismatch = Error(
        "EBPF4005", KernelLimitsCategory,
        "Tail call to a program of another type",
        "Tail call target '{0}' is {1}, but the caller is {2}: a program array holds program methods of this class that share program type and attach type");

    /// <summary>EBPF4006: a program array names more tail-call targets than it has slots.</summary>
    /// <remarks>Kernel: a PROG_ARRAY has max_entries slots. Arguments: {0} map, {1} max_entries, {2} number of targets, {3} the targets.</remarks>
    public static readonly DiagnosticDescriptor TooManyTailCallTargets = Error(
        "EBPF4006", KernelLimitsCategory,
        "Program array has fewer slots than tail-call targets",
        "Program array '{0}' has max_entries {1} but is used with {2} targets ({3}): raise maxEntries");

    /// <summary>EBPF9001: a compiler bug; the message carries the exception's type and message.</summary>
    /// <remarks>Arguments: {0} exception type, {1} exception message.</remarks>
    public static readonly DiagnosticDescriptor InternalError = Error(
        "EBPF9001", InternalCategory,
        "Internal compiler error",
        "The eBPF compiler failed with {0}: {1} (this is a compiler bug: please report it with the program that triggers it)");

    /// <summary>Every descriptor, in id order.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        ProgramSignature, MapDeclaration, ProgramName, ConfigurationField,
        UnsupportedOperation, Allocation, StringOutsideFormat, FloatingPoint, Exceptions, IndirectCall, Recursion, CallWithoutSource,
        UncheckedMapValue, PacketBounds, UnsupportedType, DivisionMayFault,
        StackTooLarge, TooManyHelperArguments, UnboundedLoop, HelperNotAllowed, TailCallTypeMismatch, TooManyTailCallTargets,
        InternalError);

    /// <summary>
    /// Ids the analyzers report. The front end reports them too, through the analyzers' own rules (same message,
    /// same span), so <c>ebpf-compile</c>, which runs both and keeps one diagnostic per id and location, shows each
    /// problem once; the generator does not report these ids again, so the IDE shows each problem once too.
    /// </summary>
    public static readonly ImmutableHashSet<string> AnalyzerOwned = ImmutableHashSet.Create(
        ProgramSignature.Id, MapDeclaration.Id, ProgramName.Id, ConfigurationField.Id,
        Allocation.Id, StringOutsideFormat.Id, FloatingPoint.Id, Exceptions.Id, IndirectCall.Id);

    /// <summary>Finds a descriptor by id, or returns null.</summary>
    /// <param name="id">An id such as <c>EBPF2004</c>.</param>
    public static DiagnosticDescriptor? Find(string id) => All.FirstOrDefault(d => d.Id == id);

    /// <summary>The help link of an id: <c>docs/diagnostics.md#ebpfnnnn</c>.</summary>
    /// <param name="id">An id such as <c>EBPF2004</c>.</param>
    public static string HelpLink(string id) => HelpPage + "#" + id.ToLowerInvariant();

    private static DiagnosticDescriptor Error(string id, string category, string title, string messageFormat) =>
        new(id, title, messageFormat, category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
}
