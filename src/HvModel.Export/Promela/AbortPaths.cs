namespace HvModel.Export.Promela;

/// <summary>
/// The points where a step may have no successor, and how each is written. In a d_step, a
/// point whose condition reads only places the step has not written yet, inside branches whose
/// conditions do too, is moved into the step's guard: the guard reads the state the step
/// begins in, which is what those conditions read. Any other point jumps to the abort path,
/// which restores what the step wrote before it from shadow copies (in the init block, it
/// blocks: no copies).
/// </summary>
internal sealed class AbortPaths(bool hoisting, bool restores)
{
    // The conditions of the run-time branches being written, innermost last; null for one
    // that cannot move into the guard.
    private readonly List<PromelaCode?> path = [];

    /// <summary>What the step may have written so far.</summary>
    public Locations Written { get; } = new();

    /// <summary>What may have been written before some jump: what the abort path restores.</summary>
    public Locations Shadowed { get; } = new();

    /// <summary>Conditions moved into the guard: the step has a successor only where they hold.</summary>
    public List<PromelaCode> Hoisted { get; } = [];

    /// <summary>Jumps to the abort path written so far.</summary>
    public int Jumps { get; private set; }

    /// <summary>True when a condition with these reads, evaluated now, may move into the guard.</summary>
    public bool Hoistable(PromelaCode condition, ReadSet reads) =>
        hoisting && !condition.MayFail && !reads.Scratch && !reads.Places.Intersects(Written);

    /// <summary>A branch taken when <paramref name="condition"/> holds (null: one that cannot move into the guard).</summary>
    public void Enter(PromelaCode? condition) => path.Add(condition);

    public void Leave() => path.RemoveAt(path.Count - 1);

    /// <summary>
    /// Moves "no successor on this path unless <paramref name="check"/> holds" (no check: no
    /// successor on this path at all) into the guard, when this path allows it.
    /// </summary>
    public bool TryHoist(PromelaCode? check)
    {
        if (!hoisting || path.Any(c => c is null) || (check is null && path.Count == 0))
        {
            return false; // an unconditional abort without a check: the step never has a successor
        }

        var taken = path.Count == 0 ? null : path.Count == 1 ? path[0]!.Value.Text : $"({string.Join(" && ", path.Select(c => c!.Value.Text))})";
        var text = (taken, check) switch
        {
            (null, { } c) => c.Text,
            ({ } t, null) => Negation(t),
            ({ } t, { } c) => $"({Negation(t)} || {c.Text})",
            _ => throw new InvalidOperationException("nothing to hoist"),
        };
        Hoisted.Add(PromelaCode.Runtime(text, false));
        return true;
    }

    /// <summary>A jump to the abort path is written here: what was written before it gets shadow copies.</summary>
    public void Jump()
    {
        Jumps++;
        if (restores)
        {
            Shadowed.UnionWith(Written);
        }
    }

    /// <summary>The negation of a branch condition, for the branch taken when it does not hold.</summary>
    public static PromelaCode Not(PromelaCode condition) => PromelaCode.Runtime(Negation(condition.Text), condition.MayFail);

    // Written conditions are a name, a literal, a bracketed expression or one negated ('!x',
    // '!(x == 1)'): a negation is undone rather than doubled.
    private static string Negation(string condition) => condition.StartsWith('!') ? condition[1..] : $"!{condition}";
}
