using System.Collections.Immutable;
using System.Globalization;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Traces;
using HvModel.Symbolic.Smt;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// A counterexample to induction for a property prove could not prove: a state where the
/// inductive set S and the property hold, and an action instance from it to a state where the
/// property fails. Sought in small universes first (each scalarset with 1, 2, then 3 members,
/// as few as the distinguished ones allow), so that the two states can be shown as states of
/// the model bound at those sizes, like any trace step; the step itself is re-run by the
/// evaluator, which gives its notes and confirms the solver's state.
/// </summary>
public sealed class CtiFinder(ProveInput input, ParamEncoder encoder, IReadOnlyDictionary<string, string> sizeConstants, Func<string, Z3Process> open)
{
    private const int MaxSize = 3;

    public CounterexampleToInduction? Find(PropertyDef property, IReadOnlyList<Candidate> candidates, IReadOnlyList<int> alive)
    {
        var target = candidates.First(c => c.Source == property);
        var vocabulary = encoder.Vocabulary;
        foreach (var sizes in Universes(vocabulary.Scalarsets))
        {
            var universe = new BoundedUniverse(vocabulary, sizes.ToDictionary(s => s.Sort.Name, s => s.Size));
            foreach (var step in encoder.Actions)
            {
                using var solver = open($"cti-{property.Name}-{step.Name}");
                var commands = vocabulary.Declarations().Concat(vocabulary.StateDeclarations("x")).Concat(vocabulary.StateRanges("x"))
                    .Concat(vocabulary.StateDeclarations("y")).Concat(step.Commands(vocabulary))
                    .Append($"(assert {step.Guard})")
                    .Append($"(assert {Not(step.Error)})")
                    .Concat(alive.Select(k => $"(assert {candidates[k].Term("x")})"))
                    .Append($"(assert {target.Term("x")})")
                    .Append($"(assert {Not(target.Term("y"))})");
                foreach (var command in universe.Ground(commands))
                {
                    solver.Send(command);
                }

                var answer = solver.CheckSat();
                if (answer.Status == SolverStatus.Sat)
                {
                    return Decode(solver, step, property, sizes);
                }
            }
        }

        return null;
    }

    // Every combination of sizes from the fewest members up, smallest total first.
    private IEnumerable<List<(ScalarsetType Sort, int Size)>> Universes(IReadOnlyList<ScalarsetType> sorts)
    {
        IEnumerable<List<(ScalarsetType, int)>> all = [[]];
        foreach (var s in sorts)
        {
            var fixedSize = !sizeConstants.ContainsKey(s.Name);
            var sizes = fixedSize ? [s.Size] : Enumerable.Range(Math.Max(1, s.Fixed), MaxSize - Math.Max(1, s.Fixed) + 1).ToList();
            var current = s;
            all = all.SelectMany(prefix => sizes.Select(n => new List<(ScalarsetType, int)>(prefix) { (current, n) }));
        }

        return all.OrderBy(u => u.Sum(x => x.Item2));
    }

    private static string Element(ScalarsetType s, int k) => BoundedUniverse.Member(s, k);

    private CounterexampleToInduction? Decode(Z3Process solver, ParamStep step, PropertyDef property, List<(ScalarsetType Sort, int Size)> sizes)
    {
        var constants = new Dictionary<string, string>(input.Overrides);
        foreach (var (sort, size) in sizes)
        {
            if (sizeConstants.TryGetValue(sort.Name, out var c))
            {
                constants[c] = size.ToString(CultureInfo.InvariantCulture);
            }
        }

        var model = input.Load(constants);
        var variant = model.GetVariant(encoder.Variant.Name);
        var label = string.Join(' ', sizes.Select(s => sizeConstants.TryGetValue(s.Sort.Name, out var c) ? $"{c}={s.Size}" : $"{s.Sort.Name}: {s.Size}"));

        // The universe's members as the solver names them, to read values of scalarset type back.
        var members = new Dictionary<string, int>();
        foreach (var (sort, size) in sizes)
        {
            var names = Enumerable.Range(0, size).Select(k => Element(sort, k)).ToList();
            var values = Sexp.Parse(solver.Query($"(get-value ({string.Join(' ', names)}))"));
            for (var k = 0; k < values.Items.Count; k++)
            {
                members[values.Items[k].Items[1].ToString()] = k;
            }
        }

        var pre = ReadState(solver, model, "x", members);
        var action = model.Actions.First(a => a.Name == step.Name);
        var args = new int[action.Parameters.Length];
        if (args.Length > 0)
        {
            var values = Sexp.Parse(solver.Query($"(get-value ({string.Join(' ', step.Parameters)}))"));
            for (var k = 0; k < args.Length; k++)
            {
                args[k] = Value(values.Items[k].Items[1], action.Parameters[k].Type, members);
            }
        }

        var solverPost = ReadState(solver, model, "y", members);
        var semantics = new Semantics(model, variant);
        var target = model.GetProperty(property.Name);
        int[]? post = null;
        var notes = new List<string>();
        ImmutableArray<string> stepNotes = [];
        semantics.Fire(pre, action, args, (_, _, next) =>
        {
            if (post is null && (next.AsSpan().SequenceEqual(solverPost) || !semantics.Holds(target, next)))
            {
                post = (int[])next.Clone();
                stepNotes = [.. notes];
            }
        }, new RunObserver { Notes = notes, OnError = static _ => { } });
        var confirmed = post is not null;
        post ??= solverPost;
        var trace = new Trace([TraceStep.Initial(pre), new TraceStep(action, [.. args], [.. post], stepNotes)]);
        var what = confirmed
            ? $"a state where the invariant tried and {property.Name} hold (not necessarily reachable), and a step to a state where {property.Name} fails"
            : $"the solver's step, which the evaluator does not reproduce (a translation fault: please report it)";
        return new CounterexampleToInduction(label, model, trace, what);
    }

    private int[] ReadState(Z3Process solver, Model model, string prefix, Dictionary<string, int> members)
    {
        var terms = model.Slots.Select(slot =>
        {
            var v = encoder.Model.Vars.First(x => x.Name == slot.Var.Name);
            var indexTypes = encoder.Vocabulary.IndexTypes(v);
            var args = slot.Path.Select((value, k) => indexTypes[k] is ScalarsetType s ? Element(s, value) : ProveVocabulary.Literal(indexTypes[k], value)).ToList();
            return StateView.Apply(ProveVocabulary.StateFunction(prefix, v))(args);
        }).ToList();
        var state = new int[model.Slots.Length];
        if (terms.Count == 0)
        {
            return state;
        }

        var values = Sexp.Parse(solver.Query($"(get-value ({string.Join(' ', terms)}))"));
        for (var k = 0; k < state.Length; k++)
        {
            state[k] = Value(values.Items[k].Items[1], model.Slots[k].Type, members);
        }

        return state;
    }

    private static int Value(Sexp value, HvType type, Dictionary<string, int> members) => type switch
    {
        EnumType e => Math.Max(0, Enumerable.Range(0, e.Count).FirstOrDefault(k => ProveVocabulary.Constructor(e, k) == value.ToString(), -1)),
        ScalarsetType => members.TryGetValue(value.ToString(), out var k) ? k : 0,
        _ => value.ToValue(),
    };
}
