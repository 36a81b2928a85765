using HvModel.Symbolic.Smt;
using HvModel.Symbolic.Translation;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// A path of symbolic states s0, s1, ... in one solver: either from the initial states (BMC,
/// the base case of k-induction) or from any states (the induction step). State k is declared
/// with its range constraints; the step leaving it is declared and defined before state k is
/// queried, so that the queries can ask whether some action raises a model error there, and its
/// transition constraints are asserted when the path is extended. Queries go through assumption
/// literals (<c>check-sat-assuming</c>), not push/pop: the solver keeps what it learnt, and a
/// query found unsat may be kept as a fact (a lemma) for the deeper ones.
/// </summary>
internal sealed class Unrolling
{
    private readonly List<string[]> states = [];
    private readonly List<StepEncoding> steps = [];
    private readonly Dictionary<(int State, bool WithErrors), string> enabled = [];
    private IReadOnlyList<string>? initState;
    private int literals;

    /// <param name="encoder">The model and variant whose path this is.</param>
    /// <param name="sink">The solver that the path is declared in and checked by, or a script being written.</param>
    /// <param name="prefix">Prefix of every name declared (unique per solver session).</param>
    public Unrolling(ModelEncoder encoder, ISmtSink sink, string prefix)
    {
        Encoder = encoder;
        Sink = sink;
        Prefix = prefix;
    }

    public ModelEncoder Encoder { get; }

    public ISmtSink Sink { get; }

    /// <summary>The solver, for an unrolling that is checked (not a script).</summary>
    public Z3Process Solver => Sink as Z3Process ?? throw new InvalidOperationException("a written script is not checked");

    public string Prefix { get; }

    /// <summary>Index of the last state on the path.</summary>
    public int Depth => states.Count - 1;

    public IReadOnlyList<string[]> States => states;

    public IReadOnlyList<StepEncoding> Steps => steps;

    /// <summary>The initial block's error condition, once <see cref="DeclareInit"/> has declared it (false when it cannot fail).</summary>
    public string InitError { get; private set; } = False;

    /// <summary>Declares the init block's choices; <see cref="StartFromInit"/> then ties s0 to it.</summary>
    public void DeclareInit()
    {
        var init = Encoder.EncodeInit($"{Prefix}init");
        Declare(init.Fragment);
        InitError = init.Error;
        initState = init.State;
    }

    /// <summary>Declares s0 equal to an outcome of the init block (call <see cref="DeclareInit"/> first).</summary>
    public void StartFromInit()
    {
        var s0 = AddState();
        for (var j = 0; j < s0.Length; j++)
        {
            Sink.Assert(Eq(s0[j], initState![j]));
        }

        DeclareStep();
    }

    /// <summary>Declares s0 as any state of the right types (induction step).</summary>
    public void StartAnywhere()
    {
        AddState();
        DeclareStep();
    }

    /// <summary>Asserts the transition from the last state to a new one, and declares the step leaving the new one.</summary>
    public void Extend()
    {
        var step = steps[^1];
        foreach (var t in step.Transition)
        {
            Sink.Assert(t);
        }

        var next = AddState();
        for (var j = 0; j < next.Length; j++)
        {
            Sink.Assert(Eq(next[j], step.Next[j]));
        }

        DeclareStep();
    }

    /// <summary>
    /// What decides <paramref name="goal"/> at position <paramref name="k"/>: its target (a
    /// violation, a cover's goal, no enabled action instance), and the model error of
    /// evaluating its predicate there. Model errors of the actions are <see cref="StepError"/>.
    /// </summary>
    /// <remarks>
    /// With <paramref name="errorFree"/>, a deadlock's target is "no action instance has an
    /// outcome", errors left out: a superset of the exact target, equal to it in every state
    /// where no instance raises a model error, and many times smaller (v3 at 4x4: 3.4 MB of
    /// SMT-LIB per state with errors, none without). A hit on it stands only where
    /// <see cref="StepError"/> cannot hold.
    /// </remarks>
    public (string Target, string Error) Target(Goal goal, int k, bool errorFree = false)
    {
        if (goal.Property is { } property)
        {
            return Encoder.EncodeTarget(property, states[k]);
        }

        if (goal.Candidate is { } clause)
        {
            return (Not(clause.Holds(Encoder, states[k])), False);
        }

        return (Not(Enabled(k, withErrors: !errorFree)), False);
    }

    /// <summary>When some action instance raises a model error in state <paramref name="k"/>.</summary>
    public string StepError(int k) => steps[k].Error;

    /// <summary>
    /// Checks <paramref name="term"/> at the current path under a fresh assumption literal. When
    /// <paramref name="learn"/> and the answer is unsat, the term's negation is asserted: right
    /// only when the term's unsatisfiability is a fact of the path itself, not of other assumptions.
    /// </summary>
    public SolverAnswer CheckAssuming(string term, bool learn, IReadOnlyList<string>? moreLiterals = null, DateTime? callDeadline = null)
    {
        if (term == False)
        {
            return SolverAnswer.Unsat;
        }

        var literal = Literal(term);
        var answer = Solver.CheckSatAssuming([literal, .. moreLiterals ?? []], callDeadline);
        if (answer.Status == SolverStatus.Unsat && learn)
        {
            Sink.Assert(Not(literal));
        }

        return answer;
    }

    /// <summary>A fresh Bool constant defined equal to <paramref name="term"/>.</summary>
    public string Literal(string term)
    {
        var literal = $"{Prefix}q{literals++}";
        Sink.Declare(literal, "Bool");
        Sink.Assert(Eq(literal, term));
        return literal;
    }

    /// <summary>A fresh Bool constant left free: a switch for constraints asserted under it (<c>(=> literal ...)</c>).</summary>
    public string FreeLiteral()
    {
        var literal = $"{Prefix}h{literals++}";
        Sink.Declare(literal, "Bool");
        return literal;
    }

    /// <summary>
    /// Asserts that the new state differs from every earlier one (the simple-path condition),
    /// under <paramref name="literal"/> when one is given: then only the queries that assume it
    /// pay for the condition.
    /// </summary>
    public void AssertDistinctFromEarlier(string? literal = null)
    {
        var last = states[^1];
        for (var i = 0; i < states.Count - 1; i++)
        {
            var other = states[i];
            var distinct = Or(Enumerable.Range(0, last.Length).Select(j => Not(Eq(last[j], other[j]))));
            Sink.Assert(literal is null ? distinct : Implies(literal, distinct));
        }
    }

    /// <summary>
    /// Some action instance is enabled in state <paramref name="k"/>, or (<paramref name="withErrors"/>)
    /// fails there; declared once per state and form.
    /// </summary>
    private string Enabled(int k, bool withErrors)
    {
        if (!enabled.TryGetValue((k, withErrors), out var term))
        {
            var (t, fragment) = Encoder.EncodeEnabled(states[k], $"{Prefix}{(withErrors ? "e" : "o")}{k}", withErrors);
            Declare(fragment);
            term = t;
            enabled[(k, withErrors)] = term;
        }

        return term;
    }

    private string[] AddState()
    {
        var names = ModelEncoder.StateNames(Prefix, states.Count, Encoder.SlotCount);
        for (var j = 0; j < names.Length; j++)
        {
            Sink.Declare(names[j], Encoder.SlotSort(j));
            var range = Encoder.SlotRange(j, names[j]);
            if (range != True)
            {
                Sink.Assert(range);
            }
        }

        states.Add(names);
        return names;
    }

    private void DeclareStep()
    {
        var step = Encoder.EncodeStep(states[^1], $"{Prefix}t{states.Count - 1}");
        Declare(step.Fragment);
        steps.Add(step);
    }

    private void Declare(SmtFragment fragment)
    {
        foreach (var (name, sort) in fragment.Declarations)
        {
            Sink.Declare(name, sort);
        }

        foreach (var a in fragment.Assertions)
        {
            Sink.Assert(a);
        }
    }
}
