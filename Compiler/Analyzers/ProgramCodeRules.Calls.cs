using System;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Analyzers;

/// <summary>EBPF2006: virtual, interface and delegate calls, lambdas and method groups; and what calls and members yield (EBPF2003, EBPF2004).</summary>
internal static partial class ProgramCodeRules
{
    private static void AnalyzeInvocation(IOperation operation, DslSymbols dsl, Action<Diagnostic> report)
    {
        var invocation = (IInvocationOperation)operation;
        var target = invocation.TargetMethod;
        if (dsl.IsDslMember(target))
        {
            if (IsTracePrintk(target, dsl))
            {
                AnalyzeTracePrintkFormat(report, invocation);
            }

            return;
        }

        if (IsInsideReportedConstruct(invocation))
        {
            return;
        }

        if (target.MethodKind == MethodKind.DelegateInvoke)
        {
            Report(report, DiagnosticCatalogue.IndirectCall, invocation.Syntax, "The delegate call '" + invocation.Syntax + "'");
        }
        else if (IsDispatched(target) && !IsConstrainedStructCall(invocation))
        {
            Report(report, DiagnosticCatalogue.IndirectCall, invocation.Syntax, "The virtual call to '" + Display(target) + "'");
        }

        if (IsFloatingPoint(target.ReturnType))
        {
            Report(report, DiagnosticCatalogue.FloatingPoint, invocation.Syntax, Display(target.ReturnType));
        }
        else if (target.ReturnType.SpecialType == SpecialType.System_String)
        {
            Report(report, DiagnosticCatalogue.StringOutsideFormat, invocation.Syntax);
        }
    }

    /// <summary>Fields and properties: floating-point and string values, and virtual properties.</summary>
    private static void AnalyzeMemberReference(IOperation operation, DslSymbols dsl, Action<Diagnostic> report)
    {
        var reference = (IMemberReferenceOperation)operation;
        if (IsInsideReportedConstruct(reference))
        {
            return;
        }

        if (IsFloatingPoint(reference.Type))
        {
            Report(report, DiagnosticCatalogue.FloatingPoint, reference.Syntax, Display(reference.Type!));
        }
        else if (reference.Type?.SpecialType == SpecialType.System_String)
        {
            if (reference.ConstantValue.HasValue)
            {
                AnalyzeStringConstant(report, dsl, reference);
            }
            else
            {
                Report(report, DiagnosticCatalogue.StringOutsideFormat, reference.Syntax);
            }
        }

        if (reference is IPropertyReferenceOperation property && !dsl.IsDslMember(property.Property) && IsDispatched(property.Property))
        {
            Report(report, DiagnosticCatalogue.IndirectCall, reference.Syntax, "The virtual property '" + Display(property.Property) + "'");
        }
    }

    private static void AnalyzeDelegateCreation(IOperation operation, DslSymbols dsl, Action<Diagnostic> report)
    {
        var creation = (IDelegateCreationOperation)operation;
        if (IsInsideReportedConstruct(creation))
        {
            return;
        }

        switch (creation.Target)
        {
            case IAnonymousFunctionOperation lambda:
                Report(report, DiagnosticCatalogue.IndirectCall, lambda.Syntax, "A lambda");
                break;
            case IMethodReferenceOperation methodGroup when !IsTailCallTarget(creation, dsl):
                Report(report, DiagnosticCatalogue.IndirectCall, methodGroup.Syntax,
                    "The method group '" + methodGroup.Method.Name + "' converted to a delegate");
                break;
        }
    }

    /// <summary><c>map.TailCall(ctx, Target)</c> names its target by method group; the compiler turns it into a slot number.</summary>
    private static bool IsTailCallTarget(IDelegateCreationOperation creation, DslSymbols dsl)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation invocation }
            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType.OriginalDefinition, dsl.ProgramArrayMap);
    }

    /// <summary>
    /// <c>shape.Area()</c> on a value whose type is a type parameter constrained to <c>struct</c>: a constrained call, which
    /// every instantiation binds to one struct's implementation at compile time (the front end inlines or calls that).
    /// </summary>
    private static bool IsConstrainedStructCall(IInvocationOperation invocation) =>
        invocation.TargetMethod.ContainingType?.TypeKind == TypeKind.Interface &&
        invocation.Instance?.Type is ITypeParameterSymbol { HasValueTypeConstraint: true } or ITypeParameterSymbol { HasUnmanagedTypeConstraint: true };

    /// <summary>Whether a call to <paramref name="member"/> dispatches at run time: interface members, and virtual, abstract or override members of a class that is not sealed.</summary>
    private static bool IsDispatched(ISymbol member)
    {
        var type = member.ContainingType;
        if (type.TypeKind == TypeKind.Interface)
        {
            return true;
        }

        return (member.IsVirtual || member.IsAbstract || member.IsOverride) && !member.IsSealed && !type.IsSealed && !type.IsValueType;
    }
}
