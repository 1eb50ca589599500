using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Analyzers;

/// <summary>EBPF2005: throw, try, using (a hidden finally) and checked arithmetic.</summary>
public sealed partial class UnsupportedCSharpAnalyzer
{
    private static void AnalyzeExceptionHandling(OperationAnalysisContext context, DslSymbols dsl)
    {
        var operation = context.Operation;
        if (operation.Parent is not null && IsInsideReportedConstruct(operation))
        {
            return;
        }

        switch (operation.Syntax)
        {
            case ThrowStatementSyntax statement:
                Report(context, DiagnosticCatalogue.Exceptions, statement.ThrowKeyword.GetLocation(), "'throw'");
                break;
            case ThrowExpressionSyntax expression:
                Report(context, DiagnosticCatalogue.Exceptions, expression.ThrowKeyword.GetLocation(), "'throw'");
                break;
            case TryStatementSyntax statement:
                Report(context, DiagnosticCatalogue.Exceptions, statement.TryKeyword.GetLocation(), "'try'");
                break;
            case UsingStatementSyntax statement:
                Report(context, DiagnosticCatalogue.Exceptions, statement.UsingKeyword.GetLocation(), "'using' (a hidden try/finally)");
                break;
            case LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 } statement:
                Report(context, DiagnosticCatalogue.Exceptions, statement.UsingKeyword.GetLocation(), "'using' (a hidden try/finally)");
                break;
        }
    }

    private static void AnalyzeCheckedArithmetic(OperationAnalysisContext context, DslSymbols dsl)
    {
        var operation = context.Operation;
        bool isChecked = operation switch
        {
            IUnaryOperation unary => unary.IsChecked,
            IIncrementOrDecrementOperation increment => increment.IsChecked,
            ICompoundAssignmentOperation compound => compound.IsChecked,
            _ => false,
        };
        if (isChecked && !IsInsideReportedConstruct(operation))
        {
            Report(context, DiagnosticCatalogue.Exceptions, operation.Syntax, "Checked arithmetic");
        }
    }
}
