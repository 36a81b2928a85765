using System.CommandLine;
using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Graphs;
using HvModel.Explicit;
using HvModel.Reports;

namespace HvModel.Cli;

/// <summary>
/// <c>hvmodel graph [MODEL] --variant V [--format dot|graphml] [--out FILE]</c>: explores one
/// variant and writes its state graph, as DOT to draw (<c>dot -Tsvg</c>) or as GraphML for graph
/// tools; a summary goes to stderr. The engine builds the graph (<see cref="StateGraph"/>), the
/// reports draw it.
/// </summary>
public static class GraphCommand
{
    private static readonly ModelOptions Source = new();
    private static readonly Option<string?> Variant = new("--variant") { Description = "The variant to explore (default: the first)" };
    private static readonly Option<string?> Out = new("--out") { Description = "File to write (default: standard output)" };
    private static readonly FormatOption Format = new("graph", ReportFormat.Dot, ReportFormat.Graphml);
    private static readonly LimitOptions Limits = new(20_000);

    public static Command Create()
    {
        var command = new Command("graph", "Write a variant's state graph as DOT or GraphML, with its strongly connected components and counterexamples") { Variant, Format.Option, Out };
        Source.AddTo(command);
        Limits.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        if (Format.Read(parse) is not { } format)
        {
            return 2;
        }

        if (Limits.Read(parse) is not { } limits)
        {
            return 2;
        }

        if (parse.GetValue(Out) is { } outFile && OutputPaths.CheckFile("--out", outFile) is { } outError)
        {
            return Cli.UsageError(outError);
        }

        if (Source.Load(parse) is not { } model)
        {
            return 2;
        }

        var variantName = parse.GetValue(Variant) ?? model.Variants[0].Name;
        var recorder = new StateGraph(model);
        var engine = new ExplicitEngine { Observer = recorder };

        // The whole reachable graph, not only as far as the verdicts needed (Exhaustive); every
        // state as it is (no symmetry), so that a drawing shows what a reader would expect.
        var options = limits.Apply(new CheckOptions { Symmetry = false, Exhaustive = true });
        var results = CheckRunner.Run(model, engine, [variantName], [], options);
        if (engine.LastStats is not { } stats)
        {
            // Not even started (statements that nest too deep to run).
            Console.Error.WriteLine($"hvmodel: no graph: {results.FirstOrDefault(r => r.Reason is not null)?.Reason}");
            return 3;
        }

        var graph = recorder.Build(model.GetVariant(variantName), stats.Stopped, options.Symmetry, results);
        var text = format == ReportFormat.Graphml ? GraphGraphml.Render(graph) : GraphDot.Render(graph);
        if (parse.GetValue(Out) is { } file)
        {
            try
            {
                File.WriteAllText(file, text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Cli.UsageError($"--out {file}: cannot write the graph: {e.Message}");
            }
        }
        else
        {
            Console.Out.Write(text);
        }

        Console.Error.WriteLine(Summary(graph));
        return graph.Complete ? 0 : 3;
    }

    /// <summary>
    /// What stderr says of the graph: its size and components, then its dead ends and terminal
    /// components, or, for a cut graph, why it was cut and that they are not counted.
    /// </summary>
    public static string Summary(ExploredGraph graph)
    {
        var counts = $"{graph.Variant}: {GraphWords.Size(graph)}, {GraphWords.Components(graph)}";
        return GraphWords.Ends(graph) is { } ends
            ? $"{counts}; {ends}"
            : $"{counts}; the graph is CUT ({graph.Cut}): it shows only part of the reachable states, and neither dead ends nor terminal components are counted";
    }
}
