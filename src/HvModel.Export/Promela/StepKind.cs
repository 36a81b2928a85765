namespace HvModel.Export.Promela;

/// <summary>How a step is written: whether its choices are fixed, and what its abort path does.</summary>
internal enum StepKind
{
    /// <summary>An action instance with its choices fixed: a <c>d_step</c>, no state stored inside; an abort restores the state.</summary>
    Deterministic,

    /// <summary>An action instance with too many combinations of choices: an <c>atomic</c> sequence whose choices are nondeterministic <c>if</c>s.</summary>
    Atomic,

    /// <summary>The init block: an <c>atomic</c> sequence; an abort blocks the process (no initial state on that path).</summary>
    Init,
}
