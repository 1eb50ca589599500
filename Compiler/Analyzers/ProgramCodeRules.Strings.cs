using System;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Analyzers;

/// <summary>EBPF2003: strings other than the constant format of <c>Bpf.TracePrintk</c>.</summary>
internal static partial class ProgramCodeRules
{
    private static void AnalyzeLiteral(IOperation operation, DslSymbols dsl, Action<Diagnostic> report)
    {
        var literal = (ILiteralOperation)operation;
        if (IsInsideReportedConstruct(literal))
        {
            return;
        }

        if (literal.Type?.SpecialType == SpecialType.System_String && literal.ConstantValue is { HasValue: true, Value: string })
        {
            AnalyzeStringConstant(report, dsl, literal);
        }
        else if (IsFloatingPoint(literal.Type))
        {
            Report(report, DiagnosticCatalogue.FloatingPoint, literal.Syntax, Display(literal.Type!));
        }
    }

    /// <summary>A constant string (literal, const field, constant concatenation or interpolation) is allowed only as a trace_printk format.</summary>
    private static void AnalyzeStringConstant(Action<Diagnostic> report, DslSymbols dsl, IOperation constant)
    {
        if (!IsTracePrintkFormat(constant, dsl))
        {
            Report(report, DiagnosticCatalogue.StringOutsideFormat, constant.Syntax);
        }
    }

    /// <summary>EBPF2003 on a <c>Bpf.TracePrintk</c> format that is not a constant.</summary>
    private static void AnalyzeTracePrintkFormat(Action<Diagnostic> report, IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            // A non-constant concatenation or interpolation is already reported as an allocation.
            if (argument.Parameter is { Ordinal: 0 } && !argument.Value.ConstantValue.HasValue && !IsNullLiteral(argument.Value)
                && Unwrap(argument.Value) is not IInterpolatedStringOperation && !IsStringConcatenation(Unwrap(argument.Value)))
            {
                Report(report, DiagnosticCatalogue.StringOutsideFormat, argument.Value.Syntax);
            }
        }
    }

    private static bool IsTracePrintkFormat(IOperation operation, DslSymbols dsl)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation invocation }
            && IsTracePrintk(invocation.TargetMethod, dsl);
    }

    private static bool IsTracePrintk(IMethodSymbol method, DslSymbols dsl) =>
        method.Name == "TracePrintk" && SymbolEqualityComparer.Default.Equals(method.ContainingType, dsl.Bpf);

    private static bool IsNullLiteral(IOperation operation) =>
        Unwrap(operation) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } };

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }
}
