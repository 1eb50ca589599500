using System;
using System.Threading;
using Ebpf.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Ebpf.Compiler.Analyzers;

/// <summary>
/// The rules for C# that has no eBPF equivalent (EBPF2002–EBPF2006): which operations are reported, with which
/// catalogue arguments, at which span. <see cref="UnsupportedCSharpAnalyzer"/> runs them per operation while typing;
/// the front end runs them over every method it lowers, so the IDE and <c>ebpf-compile</c> show one diagnostic per
/// problem with the same wording and location.
/// </summary>
internal static partial class ProgramCodeRules
{
    /// <summary>The operation kinds the rules look at (the analyzer registers exactly these).</summary>
    public static readonly OperationKind[] Kinds =
    {
        OperationKind.ObjectCreation, OperationKind.AnonymousObjectCreation, OperationKind.ArrayCreation,
        OperationKind.Conversion, OperationKind.Binary, OperationKind.InterpolatedString, OperationKind.Literal,
        OperationKind.VariableDeclaration, OperationKind.Invocation, OperationKind.FieldReference, OperationKind.PropertyReference,
        OperationKind.DelegateCreation, OperationKind.Throw, OperationKind.Try, OperationKind.Using, OperationKind.UsingDeclaration,
        OperationKind.Unary, OperationKind.Increment, OperationKind.Decrement, OperationKind.CompoundAssignment,
        OperationKind.SwitchExpression,
    };

    /// <summary>Reports what is wrong with one operation of program code (operations inside attributes are skipped).</summary>
    /// <param name="operation">An operation of a program method or of a source method programs call.</param>
    /// <param name="dsl">The DSL's symbols in the operation's compilation.</param>
    /// <param name="report">Receives each diagnostic.</param>
    public static void Analyze(IOperation operation, DslSymbols dsl, Action<Diagnostic> report)
    {
        if (operation.Syntax.FirstAncestorOrSelf<AttributeSyntax>() is not null)
        {
            return;
        }

        switch (operation.Kind)
        {
            case OperationKind.ObjectCreation or OperationKind.AnonymousObjectCreation or OperationKind.ArrayCreation:
                AnalyzeObjectCreation(operation, dsl, report);
                break;
            case OperationKind.Conversion:
                AnalyzeConversion(operation, dsl, report);
                break;
            case OperationKind.Binary:
                AnalyzeBinary(operation, dsl, report);
                break;
            case OperationKind.InterpolatedString:
                AnalyzeInterpolatedString(operation, dsl, report);
                break;
            case OperationKind.Literal:
                AnalyzeLiteral(operation, dsl, report);
                break;
            case OperationKind.VariableDeclaration:
                AnalyzeVariableDeclaration(operation, dsl, report);
                break;
            case OperationKind.Invocation:
                AnalyzeInvocation(operation, dsl, report);
                break;
            case OperationKind.FieldReference or OperationKind.PropertyReference:
                AnalyzeMemberReference(operation, dsl, report);
                break;
            case OperationKind.DelegateCreation:
                AnalyzeDelegateCreation(operation, dsl, report);
                break;
            case OperationKind.Throw or OperationKind.Try or OperationKind.Using or OperationKind.UsingDeclaration:
                AnalyzeExceptionHandling(operation, dsl, report);
                break;
            case OperationKind.Unary or OperationKind.Increment or OperationKind.Decrement or OperationKind.CompoundAssignment:
                AnalyzeCheckedArithmetic(operation, dsl, report);
                break;
            case OperationKind.SwitchExpression:
                AnalyzeSwitchExpression(operation, dsl, report);
                break;
        }
    }

    /// <summary>
    /// Reports every problem of one method body (and its signature, unless it is a program method): what the analyzer
    /// reports for that method, for callers that lower code rather than analyse it.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="body">Its body's operation tree (an <c>IMethodBodyOperation</c> or a block).</param>
    /// <param name="dsl">The DSL's symbols in the method's compilation.</param>
    /// <param name="report">Receives each diagnostic.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public static void AnalyzeMethod(IMethodSymbol method, IOperation body, DslSymbols dsl, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        AnalyzeSignature(method, dsl, report, cancellationToken);
        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            Analyze(operation, dsl, report);
        }
    }

    /// <summary>
    /// Whether <paramref name="operation"/> sits inside a construct already reported for a broader reason
    /// (a <c>throw</c>, or a string concatenation or interpolation), so that one mistake gets one diagnostic.
    /// </summary>
    private static bool IsInsideReportedConstruct(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IThrowOperation or IInterpolatedStringOperation || IsStringConcatenation(parent))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStringConcatenation(IOperation operation) =>
        operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String };

    private static void Report(Action<Diagnostic> report, DiagnosticDescriptor descriptor, SyntaxNode node, params object[] arguments) =>
        report(Diagnostic.Create(descriptor, node.GetLocation(), arguments));

    private static void Report(Action<Diagnostic> report, DiagnosticDescriptor descriptor, Location location, params object[] arguments) =>
        report(Diagnostic.Create(descriptor, location, arguments));

    private static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
}
