using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Symbolic.Engines;
using HvModel.Symbolic.Prove;
using HvModel.Symbolic.Prove.Inference;
using HvModel.Symbolic.Smt;
using HvModel.Symbolic.Translation;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// kind's invariant generator: candidate invariants mined from sampled states, grounded at the
/// configuration checked, proved with the goals. Without it kind proves 1 of v3's 7 invariants
/// in 120 s; with it, all of them at k = 1. A grounded candidate means what the miner's
/// compiled clause means, state by state (z3 against the evaluator).
/// </summary>
public sealed class KindInvariantGenerationTests
{
    // x steps by 2 from 0 and never reaches 5, but the state x = 3 steps to 5, and tick makes
    // every unreachable state the start of a loop-free path of 12 states: x != 5 is not
    // k-inductive below k = 12. "x is 0, 2 or 4" is, and the template grammar has it.
    private const string Stride = """
        var x: 0 .. 5 = 0
        var c: 0 .. 11 = 0
        action step when x < 4 do x := x + 2 end
        action tick do c := (c + 1) % 12 end
        invariant not_five: x != 5
        """;

    [Fact]
    public void A_property_that_needs_a_lemma_is_proved_at_k_1_by_a_generated_invariant()
    {
        var model = ModelLoader.LoadText(Stride);
        var options = new CheckOptions { Depth = 6, CheckDeadlock = false };

        var alone = new KInductionEngine().Check(model, model.Variants[0], model.Properties, options with { GenerateInvariants = false }).Single();
        Assert.Equal(Verdict.Unknown, alone.Verdict);

        var generated = new KInductionEngine().Check(model, model.Variants[0], model.Properties, options).Single();
        Assert.Equal((Verdict.Holds, 1), (generated.Verdict, generated.Depth));
        Assert.Matches(@"^proved by 1-induction, strengthened by \d+ generated invariants?$", generated.Reason);
        Assert.Matches(@"^1-induction of 1 goal and \d+ generated invariants? at once re-checked: base k=1, step k=1", generated.Certificate);
    }

    [Fact]
    public void Kind_proves_every_invariant_of_the_fixed_flagship_at_its_default_size()
    {
        var model = FlagshipModel();
        var options = new CheckOptions
        {
            Timeout = TimeSpan.FromSeconds(600),
            ReachableStates = (m, v) => Explicit.ReachableStates.Explore(m, v, new CheckOptions()).States,
        };
        var results = new KInductionEngine().Check(model, model.GetVariant("v3"), model.Properties, options);
        var invariants = results.Where(r => r.Kind == PropertyKind.Invariant).ToList();
        Assert.Equal(8, invariants.Count);
        Assert.All(invariants, r => Assert.True(r.Verdict == Verdict.Holds && r.Depth == 1 && r.Certificate is not null, $"{r.Property}: {r.Verdict} at {r.Depth} ({r.Reason})"));
        Assert.All(invariants, r => Assert.Matches(@"^proved by 1-induction, strengthened by \d+ generated invariants$", r.Reason));
        Assert.All(results.Where(r => r.Kind == PropertyKind.Cover), r => Assert.Equal(Verdict.Holds, r.Verdict));

        // Without the generator, k-induction alone proves few of them by k = 4.
        var plain = new KInductionEngine().Check(model, model.GetVariant("v3"), model.Properties, options with { Depth = 4, GenerateInvariants = false });
        Assert.Contains(plain, r => r.Kind == PropertyKind.Invariant && r.Verdict == Verdict.Unknown);
    }

    [Fact]
    public void Where_the_configuration_is_too_large_to_explore_the_candidates_come_from_smaller_ones()
    {
        // At 3x3 the explicit states are withheld (as when there are too many): the generator
        // samples every state of the configurations up to 2 members, and a shallow part of 3x3.
        var sizes = new Dictionary<string, string> { ["CPUS"] = "3", ["IRQS"] = "3" };
        var model = FlagshipModel(sizes);
        var explored = new List<string>();
        var options = new CheckOptions
        {
            Timeout = TimeSpan.FromSeconds(120),
            Rebind = constants => FlagshipModel(new Dictionary<string, string>(sizes).Concat(constants).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value)),
            ReachableStates = (m, v) =>
            {
                var label = string.Join("x", m.Scalarsets.Select(s => s.Size));
                explored.Add(label);
                return label == "3x3" ? null : Explicit.ReachableStates.Explore(m, v, new CheckOptions()).States;
            },
        };

        var results = new KInductionEngine().Check(model, model.GetVariant("v3"), [.. model.Properties.Where(p => p.Kind == PropertyKind.Invariant)], options with { CheckDeadlock = false });
        Assert.All(results, r => Assert.True(r.Verdict == Verdict.Holds, $"{r.Property}: {r.Verdict} ({r.Reason})"));
        Assert.All(results, r => Assert.Contains("generated invariants", r.Reason));
        Assert.Equal(["1x1", "1x2", "1x3", "2x1", "2x2", "2x3", "3x1", "3x2"], explored.Skip(1).Order());
        Assert.Equal("3x3", explored[0]);
    }

    // Every shape of literal the grammar has, with values that are not ordinals: a range from 2
    // (a slot), an array indexed from 1, a scalarset-valued array (equalities of two state
    // terms, of a term and a variable or the distinguished member).
    private const string Shapes = """
        model shapes
        const N: 1 .. 4 = 3
        type Node = scalarset(N) with Root
        enum Mode { off, low, high }
        var level: 2 .. 5 = 2
        var seen: array[1 .. 3] of bool = false
        var next: array[Node] of Node = Root
        var mode: array[Node] of Mode = off
        var ready: array[Node] of bool = false

        action set_level(v: 2 .. 5) when v != level and v != 4 do level := v end
        action see(k: 1 .. 3) when level > 2 do seen[k] := !seen[k] end
        action point(n: Node, m: Node) when ready[n] do next[n] := m end
        action up(n: Node) when mode[n] = off do
          mode[n] := low
          ready[n] := true
        end
        action top(n: Node) when mode[n] = low do mode[n] := high end
        action reset(n: Node) when mode[n] = high do
          mode[n] := off
          ready[n] := false
          next[n] := Root
        end
        """;

    [Theory]
    [InlineData("flagship", "v1")]
    [InlineData("shapes", "default")]
    public void A_grounded_clause_holds_in_a_state_exactly_when_the_compiled_clause_holds_for_every_assignment(string name, string variantName)
    {
        var model = name == "flagship" ? FlagshipModel() : ModelLoader.LoadText(Shapes);
        var variant = model.GetVariant(variantName);
        var reachable = CandidateInvariants.Sample(model, variant, 2_000, CancellationToken.None);
        var configuration = new SizeConfiguration(new Dictionary<string, string>(), model, "test");

        // Clauses mined from the first states hold there and fail in many later ones; up to 8
        // of every shape of literal.
        var mined = ClauseMiner.MineAll(model, [new StateSample(configuration, reachable.Take(40).ToList(), false, 0)], CancellationToken.None).Where(c => !c.Redundant);
        var perShape = new Dictionary<string, int>();
        var clauses = new List<Clause>();
        foreach (var clause in mined)
        {
            var shapes = ShapesOf(clause);
            if (shapes.Any(shape => perShape.GetValueOrDefault(shape) < 8))
            {
                clauses.Add(clause);
                foreach (var shape in shapes)
                {
                    perShape[shape] = perShape.GetValueOrDefault(shape) + 1;
                }
            }
        }

        if (name == "shapes")
        {
            Assert.Equal(["bool", "slot", "state=state", "state=value", "value=value"], perShape.Keys.Order());
        }

        var states = reachable.Where((_, k) => k % 97 == 0).Take(12).Append(Scrambled(model, 1)).Append(Scrambled(model, 2)).ToList();
        foreach (var arithmetic in new[] { SmtArithmetic.BitVector, SmtArithmetic.Int })
        {
            var encoder = new ModelEncoder(model, variant, arithmetic);
            var names = ModelEncoder.StateNames("s", 0, encoder.SlotCount);
            using var z3 = new Z3Process();
            for (var j = 0; j < names.Length; j++)
            {
                z3.Declare(names[j], encoder.SlotSort(j));
            }

            var formulas = clauses.Select(c => new GroundClause(c, model).Holds(encoder, names)).ToList();
            var disagreements = new List<string>();
            foreach (var state in states)
            {
                z3.Send("(push 1)");
                for (var j = 0; j < names.Length; j++)
                {
                    var type = model.Slots[j].Type;
                    z3.Assert(arithmetic.EqualsValue(arithmetic.Var(type, names[j]), type, state[j]));
                }

                Assert.Equal(SolverStatus.Sat, z3.CheckSat().Status);
                var values = Sexp.Parse(z3.Query($"(get-value ({string.Join(' ', formulas)}))"));
                for (var i = 0; i < clauses.Count; i++)
                {
                    if ((values.Items[i].Items[1].Atom == "true") != HoldsEverywhere(model, clauses[i], state))
                    {
                        disagreements.Add($"{clauses[i].Smt("x")} in [{string.Join(',', state)}]");
                    }
                }

                z3.Send("(pop 1)");
            }

            Assert.Empty(disagreements);
        }

        // The states are not all witnesses of the clauses: some clause fails somewhere.
        Assert.Contains(clauses, c => states.Any(s => !HoldsEverywhere(model, c, s)));
    }

    private static HashSet<string> ShapesOf(Clause clause)
    {
        var shapes = clause.Literals.Select(l => l.Atom switch
        {
            BoolAtom => "bool",
            EqAtom { Left: StateTerm, Right: StateTerm } => "state=state",
            EqAtom { Left: StateTerm } or EqAtom { Right: StateTerm } => "state=value",
            _ => "value=value",
        }).ToHashSet();
        if (clause.Slot is not null)
        {
            shapes.Add("slot");
        }

        return shapes;
    }

    /// <summary>The miner's own reading of a clause: some literal (or the slot's value set) holds, for every assignment.</summary>
    private static bool HoldsEverywhere(Model model, Clause clause, int[] state)
    {
        var sizes = clause.Vars.Select(v => model.Scalarsets.First(s => s.Name == v.Sort.Name).Size).ToArray();
        var total = sizes.Aggregate(1, (n, s) => n * s);
        for (var code = 0; code < total; code++)
        {
            var assignment = new int[sizes.Length];
            for (int k = 0, rest = code; k < sizes.Length; k++)
            {
                assignment[k] = rest % sizes[k];
                rest /= sizes[k];
            }

            var holds = clause.Literals.Any(l => (l.Atom.Compile(model)(state, assignment) == 1) == l.Positive)
                || (clause.Slot is { } slot && clause.SlotOrdinals.Contains(slot.Compile(model)(state, assignment)));
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A state of the right types, most likely unreachable: every slot at a pseudo-random value of its type.</summary>
    private static int[] Scrambled(Model model, int seed)
    {
        var random = new Random(seed);
        return [.. model.Slots.Select(s => s.Type.ValueAt(random.Next(s.Type.Count)))];
    }

    private static Model FlagshipModel(IReadOnlyDictionary<string, string>? constants = null)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "HvModel.sln")))
        {
            dir = dir.Parent;
        }

        return ModelLoader.Load(new FileSourceResolver(), Path.Combine(dir.FullName, "properties", "hv-pci-msi.hvp"), constants ?? new Dictionary<string, string>());
    }
}
