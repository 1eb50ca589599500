using System;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Analyzers;

/// <summary>EBPF2002: heap allocation.</summary>
internal static partial class ProgramCodeRules
{
    private static void AnalyzeObjectCreation(IOperation operation, DslSymbols dsl, Action<Diagnostic> report)
    {
        if (IsInsideReportedConstruct(operation))
        {
            return;
        }

        switch (operation)
        {
            case IObjectCreationOperation { Type: { IsReferenceType: true } type }:
                Report(report, DiagnosticCatalogue.Allocation, operation.Syntax, "Creating an instance of the class '" + Display(type) + "'");
                break;
            case IAnonymousObjectCreationOperation:
                Report(report, DiagnosticCatalogue.Allocation, operation.Syntax, "An anonymous object");
                break;
            case IArrayCreationOperation:
                Report(report, DiagnosticCatalogue.Allocation, operation.Syntax, "An array");
                break;
        }
    }

    private static void AnalyzeConversion(IOperation operation, DslSymbols dsl, Action<Diagnostic> report)
    {
        var conversion = (IConversionOperation)operation;
        if (conversion.Language == LanguageNames.CSharp && conversion.GetConversion().IsBoxing && !IsInsideReportedConstruct(conversion)
            && !IsReceiverOfDispatchedCall(conversion))
        {
            string from = conversion.Operand.Type is { } operandType ? Display(operandType) : "a value";
            string to = conversion.Type is { } targetType ? Display(targetType) : "a reference";
            var node = conversion.IsImplicit ? conversion.Operand.Syntax : conversion.Syntax;
            Report(report, DiagnosticCatalogue.Allocation, node, "Boxing '" + from + "' to '" + to + "'");
        }

        AnalyzeFloatingPointCast(report, conversion);
    }

    /// <summary>
    /// <c>((IShape)s).Area()</c>: the box exists only to make an interface call, which EBPF2006 reports; one mistake, one diagnostic.
    /// </summary>
    private static bool IsReceiverOfDispatchedCall(IConversionOperation conversion)
    {
        IOperation receiver = conversion;
        while (receiver.Parent is IParenthesizedOperation)
        {
            receiver = receiver.Parent;
        }

        return receiver.Parent switch
        {
            IInvocationOperation invocation => invocation.Instance == receiver && IsDispatched(invocation.TargetMethod),
            IPropertyReferenceOperation property => property.Instance == receiver && IsDispatched(property.Property),
            _ => false,
        };
    }

    private static void AnalyzeBinary(IOperation operation, DslSymbols dsl, Action<Diagnostic> report)
    {
        var binary = (IBinaryOperation)operation;
        if (IsStringConcatenation(binary))
        {
            if (IsInsideReportedConstruct(binary))
            {
                return;
            }

            if (binary.ConstantValue.HasValue)
            {
                AnalyzeStringConstant(report, dsl, binary);
            }
            else
            {
                Report(report, DiagnosticCatalogue.Allocation, binary.Syntax, "String concatenation");
            }

            return;
        }

        if (binary.IsChecked && !IsInsideReportedConstruct(binary))
        {
            Report(report, DiagnosticCatalogue.Exceptions, binary.Syntax, "Checked arithmetic");
        }
    }

    private static void AnalyzeInterpolatedString(IOperation operation, DslSymbols dsl, Action<Diagnostic> report)
    {
        var interpolated = operation;
        if (IsInsideReportedConstruct(interpolated))
        {
            return;
        }

        if (interpolated.ConstantValue.HasValue)
        {
            AnalyzeStringConstant(report, dsl, interpolated);
        }
        else
        {
            Report(report, DiagnosticCatalogue.Allocation, interpolated.Syntax, "An interpolated string");
        }
    }
}
