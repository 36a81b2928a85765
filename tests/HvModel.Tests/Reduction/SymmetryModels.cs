using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit;

namespace HvModel.Tests.Reduction;

/// <summary>Models that exercise each path of the symmetry reduction, and their reachable states.</summary>
public static class SymmetryModels
{
    /// <summary>Plain arrays over one scalarset: the exact row sort applies.</summary>
    public static Model Tokens(int n = 4) => Check.LoadFile("tests/models/holds/tokens.hvm", new() { ["N"] = n.ToString() });

    /// <summary>Values of the scalarset's type, a global of it, a matrix over it: the signature sort applies.</summary>
    public const string Relations = """
        type P = scalarset(3)
        var next: array[P] of P
        var owner: P
        var mark: array[P] of array[P] of bool = false
        action link(p: P, q: P) when p != q and !mark[p][q] do mark[p][q] := true; next[p] := q end
        action unlink(p: P, q: P) when mark[p][q] and next[q] = p do mark[p][q] := false end
        action take(p: P) when next[p] = owner do owner := p end
        invariant ok: true
        """;

    /// <summary>Two scalarsets, one with a distinguished member named in guards and initialisers.</summary>
    public const string BootCpu = """
        type Cpu = scalarset(4) with boot
        type Irq = scalarset(2)
        var online: array[Cpu] of bool = true
        var eff: array[Irq] of Cpu = boot
        var aff: array[Irq] of array[Cpu] of bool = false
        action down(c: Cpu) when c != boot and online[c] do
          online[c] := false
          for i: Irq do if eff[i] = c then eff[i] := boot end end
        end
        action up(c: Cpu) when !online[c] do online[c] := true end
        action move(i: Irq, c: Cpu) when online[c] and !aff[i][c] do eff[i] := c; aff[i][c] := true end
        action clear(i: Irq) when eff[i] = boot do for c: Cpu do aff[i][c] := false end end
        invariant boot_online: online[boot]
        """;

    public static Model Named(string name) => name switch
    {
        "tokens" => Tokens(),
        "relations" => Check.Load(Relations),
        "boot_cpu" => Check.Load(BootCpu),
        "flagship 2x2" => Check.LoadFile("properties/hv-pci-msi.hvp"),
        "flagship 3x1" => Check.LoadFile("properties/hv-pci-msi.hvp", new() { ["CPUS"] = "3", ["IRQS"] = "1" }),
        _ => throw new ArgumentException(name),
    };

    /// <summary>The variant explored: the flagship's v3, else the only one.</summary>
    public static string Variant(Model model) => model.Variants.Any(v => v.Name == "v3") ? "v3" : model.Variants[0].Name;

    /// <summary>Every reachable state, without reduction.</summary>
    public static List<int[]> Reachable(Model model)
    {
        var collector = new Collector();
        var engine = new ExplicitEngine { Observer = collector };
        CheckRunner.Run(model, engine, [Variant(model)], [], new CheckOptions { Symmetry = false });
        Assert.True(engine.LastStats!.Complete);
        return collector.States;
    }

    /// <summary>States stored with the reduction on.</summary>
    public static long ReducedStates(Model model)
    {
        var engine = new ExplicitEngine();
        CheckRunner.Run(model, engine, [Variant(model)], [], new CheckOptions());
        Assert.True(engine.LastStats!.Complete);
        return engine.LastStats.States;
    }

    private sealed class Collector : IExplorationObserver
    {
        public List<int[]> States { get; } = [];

        public void DiscoverState(int index, int predecessor, int depth, ReadOnlySpan<int> state) => States.Add(state.ToArray());

        public void ExamineTransition(int from, int to, ActionDef action, ReadOnlySpan<int> args)
        {
        }
    }
}
