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
        var limit = limits.MaxStates;
        var graph = new StateGraph(model);
        var engine = new ExplicitEngine { Observer = graph };
        var results = CheckRunner.Run(model, engine, [variantName], [], limits.Apply(new CheckOptions { Symmetry = false }));
        if (results.FirstOrDefault(r => r.Verdict == Core.Ir.Verdict.Unknown) is { } cut)
        {
            Console.Error.WriteLine($"hvmodel: the graph is incomplete: {cut.Reason ?? $"more than {limit} states (--max-states)"}");
            return 3;
        }

        var components = graph.Components(out _);
        var bottom = graph.BottomComponents();
        var dot = graph.ToDot();
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

        Console.Error.WriteLine($"{variantName}: {graph.Graph.VertexCount} states, {graph.Graph.EdgeCount} edges, {components} strongly connected components, {bottom.Count} without a way out");
        return 0;
    }
}
