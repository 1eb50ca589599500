using System;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Analyzers;

/// <summary>EBPF2005: throw, try, using (a hidden finally), checked arithmetic and switch expressions that can fail to match.</summary>
internal static partial class ProgramCodeRules
{
    private static void AnalyzeExceptionHandling(IOperation operation, DslSymbols dsl, Action<Diagnostic> report)
    {
        if (operation.Parent is not null && IsInsideReportedConstruct(operation))
        {
            return;
        }

        switch (operation.Syntax)
        {
            case ThrowStatementSyntax statement:
                Report(report, DiagnosticCatalogue.Exceptions, statement.ThrowKeyword.GetLocation(), "'throw'");
                break;
            case ThrowExpressionSyntax expression:
                Report(report, DiagnosticCatalogue.Exceptions, expression.ThrowKeyword.GetLocation(), "'throw'");
                break;
            case TryStatementSyntax statement:
                Report(report, DiagnosticCatalogue.Exceptions, statement.TryKeyword.GetLocation(), "'try'");
                break;
            case UsingStatementSyntax statement:
                Report(report, DiagnosticCatalogue.Exceptions, statement.UsingKeyword.GetLocation(), "'using' (a hidden try/finally)");
                break;
            case LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 } statement:
                Report(report, DiagnosticCatalogue.Exceptions, statement.UsingKeyword.GetLocation(), "'using' (a hidden try/finally)");
                break;
        }
    }

    private static void AnalyzeCheckedArithmetic(IOperation operation, DslSymbols dsl, Action<Diagnostic> report)
    {
        bool isChecked = operation switch
        {
            IUnaryOperation unary => unary.IsChecked,
            IIncrementOrDecrementOperation increment => increment.IsChecked,
            ICompoundAssignmentOperation compound => compound.IsChecked,
            _ => false,
        };
        if (isChecked && !IsInsideReportedConstruct(operation))
        {
            Report(report, DiagnosticCatalogue.Exceptions, operation.Syntax, "Checked arithmetic");
        }
    }

    /// <summary>A switch expression whose arms do not cover every input throws when nothing matches.</summary>
    private static void AnalyzeSwitchExpression(IOperation operation, DslSymbols dsl, Action<Diagnostic> report)
    {
        if (operation is ISwitchExpressionOperation { IsExhaustive: false } && !IsInsideReportedConstruct(operation))
        {
            Report(report, DiagnosticCatalogue.Exceptions, operation.Syntax, "A switch expression without a discard arm (_ =>), which throws when nothing matches,");
        }
    }
}
