using HvModel.Core.Ir;
using HvModel.Symbolic.Translation;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// The check of one or more goals as constrained Horn clauses over one predicate Inv of the
/// state: the rules' pieces (init, step, one bad-state query per goal), built once from the
/// encoder, so that Spacer's query and the re-check of the invariant it returns
/// (<see cref="Certificates.InvariantObligations"/>) read the same clauses. Inv(x) is left out
/// of the bodies; each consumer applies its own Inv. With several goals, a solution is one
/// invariant that excludes every goal's bad states.
/// </summary>
internal sealed class HornSystem
{
    public HornSystem(ModelEncoder encoder, PropertyDef property)
        : this(encoder, [Goal.Of(property)])
    {
    }

    public HornSystem(ModelEncoder encoder, IReadOnlyList<Goal> goals)
    {
        var n = encoder.SlotCount;
        Sorts = [.. Enumerable.Range(0, n).Select(encoder.SlotSort)];
        State = ModelEncoder.StateNames("x", 0, n);
        Next = ModelEncoder.StateNames("y", 0, n);

        var init = encoder.EncodeInit("i");
        InitVars = init.Fragment.Declarations;
        InitAssertions = init.Fragment.Assertions;
        InitRanges = [.. Enumerable.Range(0, n).Select(j => encoder.SlotRange(j, init.State[j]))];
        InitState = init.State;
        InitError = init.Error;

        var step = encoder.EncodeStep(State, "t");
        StepVars = step.Fragment.Declarations;
        var transition = new List<string>(step.Fragment.Assertions);
        transition.AddRange(step.Transition);
        for (var j = 0; j < n; j++)
        {
            transition.Add(Eq(Next[j], step.Next[j]));
            transition.Add(encoder.SlotRange(j, Next[j]));
        }

        Transition = transition;
        Queries = [.. goals.Select(goal => BadStates(encoder, goal, step))];
    }

    // Each query is its own rule, so the step's constants may be named alike in all of them.
    private BadQuery BadStates(ModelEncoder encoder, Goal goal, StepEncoding step)
    {
        if (goal.Property is { } property)
        {
            var (target, error) = encoder.EncodeTarget(property, State);
            return new BadQuery(goal, step.Fragment.Declarations, [.. step.Fragment.Assertions, Or(target, error, step.Error)]);
        }

        // A deadlock: no action instance has an outcome (one that fails is the model error
        // step.Error asks for, so the condition needs no errors of its own).
        var (enabled, fragment) = encoder.EncodeEnabled(State, "e", withErrors: false);
        return new BadQuery(goal, [.. step.Fragment.Declarations, .. fragment.Declarations], [.. step.Fragment.Assertions, .. fragment.Assertions, Or(Not(enabled), step.Error)]);
    }

    /// <summary>One query per goal: a state in Inv is bad (it reaches the goal's target, or a model error is raised there).</summary>
    public IReadOnlyList<BadQuery> Queries { get; }

    /// <summary>Sorts of the state slots: Inv's signature.</summary>
    public IReadOnlyList<string> Sorts { get; }

    /// <summary>The current state's names (x0_j) and the next state's (y0_j).</summary>
    public IReadOnlyList<string> State { get; }

    public IReadOnlyList<string> Next { get; }

    public IReadOnlyList<(string Name, string Sort)> InitVars { get; }

    public IReadOnlyList<string> InitAssertions { get; }

    /// <summary>The initial state's slots are in their types' ranges.</summary>
    public IReadOnlyList<string> InitRanges { get; }

    public IReadOnlyList<string> InitState { get; }

    /// <summary>When the init block raises a model error (false when it cannot).</summary>
    public string InitError { get; }

    /// <summary>The step's own constants (parameters, choices, shared subterms).</summary>
    public IReadOnlyList<(string Name, string Sort)> StepVars { get; }

    /// <summary>A step from <see cref="State"/> to <see cref="Next"/> (conjuncts).</summary>
    public IReadOnlyList<string> Transition { get; }

    public IEnumerable<(string Name, string Sort)> StateVars => State.Select((name, j) => (name, Sorts[j]));

    public IEnumerable<(string Name, string Sort)> NextVars => Next.Select((name, j) => (name, Sorts[j]));
}

/// <summary>
/// A goal's bad states: <see cref="Conjuncts"/> over the state and <see cref="Vars"/> (the
/// step's constants, and those of the enabledness condition for a deadlock).
/// </summary>
internal sealed record BadQuery(Goal Goal, IReadOnlyList<(string Name, string Sort)> Vars, IReadOnlyList<string> Conjuncts);
