using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Ebpf.Compiler.Tests.Analyzers;

/// <summary>Runs an analyzer on a snippet in a workspace, applies every fix a provider offers (one at a time), and returns the text.</summary>
internal static class CodeFixRunner
{
    /// <summary>The titles of the fixes offered for the snippet's diagnostics, and the source after applying the first one repeatedly until none is offered.</summary>
    public static (IReadOnlyList<string> Titles, string Fixed) Apply(DiagnosticAnalyzer analyzer, CodeFixProvider provider, string source)
    {
        var compilation = AnalyzerRunner.Compile(source);
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Snippet", "Snippet", LanguageNames.CSharp,
            compilationOptions: compilation.Options, parseOptions: compilation.SyntaxTrees[0].Options,
            metadataReferences: compilation.References));
        var document = workspace.AddDocument(project.Id, "Program.cs", SourceText.From(source));

        var titles = new List<string>();
        for (int round = 0; round < 10; round++)
        {
            var current = document.Project.GetCompilationAsync(CancellationToken.None).GetAwaiter().GetResult()!;
            var diagnostics = AnalyzerRunner.Analyze(current, analyzer).Where(d => provider.FixableDiagnosticIds.Contains(d.Id));
            CodeAction? action = null;
            foreach (var diagnostic in diagnostics)
            {
                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
                provider.RegisterCodeFixesAsync(context).GetAwaiter().GetResult();
                if (actions.Count > 0)
                {
                    action = actions[0];
                    break;
                }
            }

            if (action is null)
            {
                return (titles, document.GetTextAsync(CancellationToken.None).GetAwaiter().GetResult().ToString());
            }

            titles.Add(action.Title);
            var operations = action.GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult();
            var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            document = solution.GetDocument(document.Id)!;
        }

        throw new InvalidOperationException("the fixes did not converge: " + string.Join(", ", titles));
    }
}
