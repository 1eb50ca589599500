using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Analyzers;

/// <summary>EBPF2002: heap allocation.</summary>
public sealed partial class UnsupportedCSharpAnalyzer
{
    private static void AnalyzeObjectCreation(OperationAnalysisContext context, DslSymbols dsl)
    {
        var operation = context.Operation;
        if (IsInsideReportedConstruct(operation))
        {
            return;
        }

        switch (operation)
        {
            case IObjectCreationOperation { Type: { IsReferenceType: true } type }:
                Report(context, DiagnosticCatalogue.Allocation, operation.Syntax, "Creating an instance of the class '" + Display(type) + "'");
                break;
            case IAnonymousObjectCreationOperation:
                Report(context, DiagnosticCatalogue.Allocation, operation.Syntax, "An anonymous object");
                break;
            case IArrayCreationOperation:
                Report(context, DiagnosticCatalogue.Allocation, operation.Syntax, "An array");
                break;
        }
    }

    private static void AnalyzeConversion(OperationAnalysisContext context, DslSymbols dsl)
    {
        var conversion = (IConversionOperation)context.Operation;
        if (conversion.Language == LanguageNames.CSharp && conversion.GetConversion().IsBoxing && !IsInsideReportedConstruct(conversion))
        {
            string from = conversion.Operand.Type is { } operandType ? Display(operandType) : "a value";
            string to = conversion.Type is { } targetType ? Display(targetType) : "a reference";
            var node = conversion.IsImplicit ? conversion.Operand.Syntax : conversion.Syntax;
            Report(context, DiagnosticCatalogue.Allocation, node, "Boxing '" + from + "' to '" + to + "'");
        }

        AnalyzeFloatingPointCast(context, conversion);
    }

    private static void AnalyzeBinary(OperationAnalysisContext context, DslSymbols dsl)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (IsStringConcatenation(binary))
        {
            if (IsInsideReportedConstruct(binary))
            {
                return;
            }

            if (binary.ConstantValue.HasValue)
            {
                AnalyzeStringConstant(context, dsl, binary);
            }
            else
            {
                Report(context, DiagnosticCatalogue.Allocation, binary.Syntax, "String concatenation");
            }

            return;
        }

        if (binary.IsChecked && !IsInsideReportedConstruct(binary))
        {
            Report(context, DiagnosticCatalogue.Exceptions, binary.Syntax, "Checked arithmetic");
        }
    }

    private static void AnalyzeInterpolatedString(OperationAnalysisContext context, DslSymbols dsl)
    {
        var interpolated = context.Operation;
        if (IsInsideReportedConstruct(interpolated))
        {
            return;
        }

        if (interpolated.ConstantValue.HasValue)
        {
            AnalyzeStringConstant(context, dsl, interpolated);
        }
        else
        {
            Report(context, DiagnosticCatalogue.Allocation, interpolated.Syntax, "An interpolated string");
        }
    }
}
