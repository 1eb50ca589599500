using Microsoft.CodeAnalysis;

namespace Ebpf.Compiler.Analyzers;

/// <summary>A program attribute with the context a program of that kind takes and the verdict it returns.</summary>
internal sealed class ProgramKind
{
    public ProgramKind(INamedTypeSymbol attribute, INamedTypeSymbol context, INamedTypeSymbol verdict)
    {
        Attribute = attribute;
        Context = context;
        Verdict = verdict;
    }

    /// <summary>The attribute, for example <c>Ebpf.Dsl.XdpAttribute</c>.</summary>
    public INamedTypeSymbol Attribute { get; }

    /// <summary>The context type of the one parameter, for example <c>XdpContext</c>.</summary>
    public INamedTypeSymbol Context { get; }

    /// <summary>The return type, for example <c>XdpAction</c>.</summary>
    public INamedTypeSymbol Verdict { get; }

    /// <summary>The attribute as written in source, without the <c>Attribute</c> suffix.</summary>
    public string AttributeName => Attribute.Name.EndsWith("Attribute", System.StringComparison.Ordinal)
        ? Attribute.Name.Substring(0, Attribute.Name.Length - "Attribute".Length)
        : Attribute.Name;

    /// <summary>The signature a program of this kind must have, for messages: <c>XdpAction Name(XdpContext ctx)</c>.</summary>
    public string Signature(string methodName) =>
        Verdict.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " " + methodName + "(" + Context.Name + " ctx)";
}
