using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.Reports;

/// <summary>
/// <c>check --format graphml</c>: every counterexample of the run (the violated invariants and
/// deadlocks that have a trace, as the text report lists them) in one GraphML document, one
/// <c>graph</c> per violated cell, its id <c>variant.property</c> (names are identifiers, so
/// the dot cannot be part of one); the nodes and edges carry the graph's id before their own
/// (<c>buggy.no_uaf.s0</c>, <c>buggy.no_uaf.e0</c>), as GraphML wants ids unique in the whole
/// document. A node is a step's state (every variable's value, as the state graph's nodes
/// have them), an edge the action instance taken with the notes of its path. A run without a
/// counterexample gives a document with no graph, which its description says.
/// </summary>
public static class CounterexampleGraphml
{
    public static string Render(Model model, IReadOnlyList<CheckResult> results, ReportHeader header)
    {
        var cells = results.Where(r => r.Verdict == Verdict.Violated && r.Kind == PropertyKind.Invariant && r.Trace is not null).ToArray();
        var settings = header.SettingsText is { } s ? $", {s}" : "";
        var constants = model.Constants.IsEmpty ? "" : $"; constants: {model.ConstantAssignments}";
        var found = cells.Length == 0 ? "no counterexample" : $"{cells.Length} {(cells.Length == 1 ? "counterexample" : "counterexamples")}, one graph each";
        using var w = new GraphmlWriter($"{header.Tool} {header.Version}: model {model.Name} ({model.SourceFile}); engine {header.Engine ?? "none"}{settings}{constants}; {found}");

        w.Key("variant", "graph", "variant", "string");
        w.Key("property", "graph", "property", "string");
        w.Key("description", "graph", "description", "string");
        w.Key("engine", "graph", "engine", "string");
        w.Key("steps", "graph", "steps", "int");
        w.Key("unconfirmed", "graph", "unconfirmed", "string");
        w.Key("label", "node", "label", "string");
        w.Key("step", "node", "step", "int");
        w.SlotKeys(model);
        w.ActionKeys();
        w.Key("notes", "edge", "notes", "string");

        foreach (var r in cells)
        {
            var trace = r.Trace!;
            var id = $"{r.Variant}.{r.Property}";
            w.StartGraph(id);
            w.Data("variant", r.Variant);
            w.Data("property", r.Property);
            if ((model.Properties.FirstOrDefault(p => p.Name == r.Property)?.Description ?? r.Reason) is { Length: > 0 } description)
            {
                w.Data("description", description);
            }

            w.Data("engine", r.Engine);
            w.Data("steps", trace.Length);
            if (trace.Unconfirmed is { } why)
            {
                w.Data("unconfirmed", why);
            }

            for (var k = 0; k < trace.Steps.Length; k++)
            {
                w.StartNode($"{id}.s{k}");
                var at = k == 0 ? "initial" : $"step {k}";
                w.Data("label", k < trace.Length ? at : r.Property == Model.DeadlockProperty ? $"{at}: deadlock" : $"{at}: violates {r.Property}");
                w.Data("step", k);
                w.SlotData(model, trace.Steps[k].State);
                w.End();
            }

            for (var k = 1; k < trace.Steps.Length; k++)
            {
                var step = trace.Steps[k];
                w.StartEdge($"{id}.e{k}", $"{id}.s{k - 1}", $"{id}.s{k}");
                w.ActionData([step.Action!.Instance(step.Args)]);
                if (!step.Notes.IsEmpty)
                {
                    w.Data("notes", string.Join("; ", step.Notes));
                }

                w.End();
            }

            w.End();
        }

        return w.Finish();
    }
}
