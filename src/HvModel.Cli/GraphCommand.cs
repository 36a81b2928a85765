using System.CommandLine;
using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Explicit;

namespace HvModel.Cli;

/// <summary>
/// <c>hvmodel graph [MODEL] --variant V [--out FILE]</c>: explores one variant and writes its
/// state graph as DOT (render with <c>dot -Tsvg</c>), with its strongly connected components.
/// </summary>
public static class GraphCommand
{
    private static readonly ModelOptions Source = new();
    private static readonly Option<string?> Variant = new("--variant") { Description = "The variant to explore (default: the first)" };
    private static readonly Option<string?> Out = new("--out") { Description = "DOT file to write (default: standard output)" };
    private static readonly LimitOptions Limits = new(20_000);

    public static Command Create()
    {
        var command = new Command("graph", "Write a variant's state graph as DOT, with its strongly connected components") { Variant, Out };
        Source.AddTo(command);
        Limits.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
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
        var graph = new StateGraph(model);
        var engine = new ExplicitEngine { Observer = graph };

        // The whole reachable graph, not only as far as the verdicts needed (Exhaustive).
        var results = CheckRunner.Run(model, engine, [variantName], [], limits.Apply(new CheckOptions { Symmetry = false, Exhaustive = true }));
        if (engine.LastStats is not { } stats)
        {
            // Not even started (statements that nest too deep to run).
            Console.Error.WriteLine($"hvmodel: no graph: {results.FirstOrDefault(r => r.Reason is not null)?.Reason}");
            return 3;
        }

        var components = graph.Components(out _);
        var dot = graph.ToDot(stats.Stopped);
        if (parse.GetValue(Out) is { } file)
        {
            try
            {
                File.WriteAllText(file, dot);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Cli.UsageError($"--out {file}: cannot write the graph: {e.Message}");
            }
        }
        else
        {
            Console.Out.Write(dot);
        }

        var counts = $"{variantName}: {graph.Graph.VertexCount} states, {graph.Graph.EdgeCount} edges, {components} strongly connected components";
        if (stats.Stopped is { } why)
        {
            // A cut graph has states whose edges were never explored: dead ends cannot be counted.
            Console.Error.WriteLine($"{counts}; the graph is CUT ({why}): it shows only part of the reachable states, and states without a way out are not counted");
            return 3;
        }

        Console.Error.WriteLine($"{counts}, {graph.BottomComponents().Count} without a way out");
        return 0;
    }
}
