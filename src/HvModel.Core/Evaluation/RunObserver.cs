using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Evaluation;

/// <summary>
/// What one call of the semantics reports besides its outcomes, chosen by the caller for that
/// call alone (no hook is set on a shared evaluator and restored afterwards). Every part is
/// optional; <see cref="None"/> observes nothing and lets model errors propagate.
/// </summary>
public sealed class RunObserver
{
    public static readonly RunObserver None = new();

    /// <summary>Observes nothing, and a model error in one instance or branch does not stop the others.</summary>
    public static readonly RunObserver IgnoringErrors = new() { OnError = static _ => { } };

    /// <summary>
    /// When set, a model error in one action instance (or one branch of an <c>any</c>) is passed
    /// here and the other instances and branches still run; when null, it propagates.
    /// </summary>
    public Action<ModelRuntimeError>? OnError { get; init; }

    /// <summary>
    /// When set, the story lines (<c>note</c>) of the path being run: what an outcome's
    /// continuation sees is its own path's.
    /// </summary>
    public List<string>? Notes { get; init; }

    /// <summary>When set, the <c>if hunk</c> branches taken on the path being run, recorded like <see cref="Notes"/>.</summary>
    public List<HunkBranch>? HunkBranches { get; init; }

    /// <summary>Called when an <c>any</c> has no candidate on the path being run (the path ends there).</summary>
    public Action<AnyStmt>? OnEmptyChoice { get; init; }

    /// <summary>
    /// Called for every value an <c>any</c> examines, whether its condition accepts it or not:
    /// a caller bounds a long enumeration here (throwing stops it), since a choice over a huge
    /// range may examine billions of values without producing one outcome.
    /// </summary>
    public Action? OnChoiceValue { get; init; }
}
