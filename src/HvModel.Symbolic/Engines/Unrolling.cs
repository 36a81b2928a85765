using HvModel.Core.Ir;
using HvModel.Symbolic.Smt;
using HvModel.Symbolic.Translation;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// A path of symbolic states s0, s1, ... in one solver: either from the initial states (BMC,
/// the base case of k-induction) or from any states (the induction step). State k is declared
/// with its range constraints; the step leaving it is declared and defined before state k is
/// queried, so that the queries can ask whether some action raises a model error there, and its
/// transition constraints are asserted when the path is extended.
/// </summary>
internal sealed class Unrolling
{
    private readonly List<string[]> states = [];
    private readonly List<StepEncoding> steps = [];
    private IReadOnlyList<string>? initState;

    public Unrolling(ModelEncoder encoder, Z3Process solver, string prefix)
    {
        Encoder = encoder;
        Solver = solver;
        Prefix = prefix;
    }

    public ModelEncoder Encoder { get; }

    public Z3Process Solver { get; }

    public string Prefix { get; }

    /// <summary>Index of the last state on the path.</summary>
    public int Depth => states.Count - 1;

    public IReadOnlyList<string[]> States => states;

    public IReadOnlyList<StepEncoding> Steps => steps;

    /// <summary>The initial block's error condition, once <see cref="StartFromInit"/> has declared it (false when it cannot fail).</summary>
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
            Solver.Assert(Eq(s0[j], initState![j]));
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
            Solver.Assert(t);
        }

        var next = AddState();
        for (var j = 0; j < next.Length; j++)
        {
            Solver.Assert(Eq(next[j], step.Next[j]));
        }

        DeclareStep();
    }

    /// <summary>
    /// The "bad" states at position <paramref name="k"/>: reaching the property's target, or
    /// any model error there (in the property or in some action instance).
    /// </summary>
    public (string Target, string Error) Bad(PropertyDef property, int k)
    {
        var (target, error) = Encoder.EncodeTarget(property, states[k]);
        return (target, Or(error, steps[k].Error));
    }

    /// <summary>Checks <paramref name="term"/> at the current path, in a push/pop scope unless <paramref name="keep"/>.</summary>
    public SolverAnswer CheckUnder(string term, bool keep = false)
    {
        if (term == False)
        {
            return SolverAnswer.Unsat;
        }

        if (!keep)
        {
            Solver.Send("(push 1)");
        }

        Solver.Assert(term);
        var answer = Solver.CheckSat();
        if (answer.Status != SolverStatus.Sat && !keep)
        {
            Solver.Send("(pop 1)");
        }

        return answer;
    }

    /// <summary>Leaves the scope of a query answered sat (after its model was read).</summary>
    public void Pop() => Solver.Send("(pop 1)");

    /// <summary>Asserts that the new state differs from every earlier one (the simple-path condition of k-induction).</summary>
    public void AssertDistinctFromEarlier()
    {
        var last = states[^1];
        for (var i = 0; i < states.Count - 1; i++)
        {
            var other = states[i];
            Solver.Assert(Or(Enumerable.Range(0, last.Length).Select(j => Not(Eq(last[j], other[j])))));
        }
    }

    private string[] AddState()
    {
        var names = ModelEncoder.StateNames(Prefix, states.Count, Encoder.SlotCount);
        for (var j = 0; j < names.Length; j++)
        {
            Solver.Declare(names[j], Encoder.SlotSort(j));
            var range = Encoder.SlotRange(j, names[j]);
            if (range != True)
            {
                Solver.Assert(range);
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
            Solver.Declare(name, sort);
        }

        foreach (var a in fragment.Assertions)
        {
            Solver.Assert(a);
        }
    }
}
