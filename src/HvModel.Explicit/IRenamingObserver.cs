using HvModel.Core.Ir;

namespace HvModel.Explicit;

/// <summary>
/// An observer that follows identities through the symmetry reduction: a stored state stands
/// for its whole orbit, and the transition from one stored state to the next renames members on
/// the way (the concrete successor is permuted into its representative). Liveness under fairness
/// needs the renamings: an instance <c>a(p0)</c> taken from one stored state may be
/// <c>a(p1)</c> of the behaviour it stands for. Asking for them costs the memo of
/// representatives, which keeps no permutations.
/// </summary>
public interface IRenamingObserver : IExplorationObserver
{
    /// <summary>
    /// The search reduces by <paramref name="symmetry"/> (a fork of its own, which the observer
    /// may keep to rename states later): called once, before the first state, and only under symmetry.
    /// </summary>
    void Reduces(Symmetry symmetry);

    /// <summary>
    /// Under symmetry, in place of <see cref="IExplorationObserver.ExamineTransition"/>: the
    /// transition, and the permutation that took the concrete successor of <paramref name="from"/>
    /// by the instance to the stored state <paramref name="to"/> (<c>renaming[k][m]</c>: what
    /// member m of <see cref="Symmetry.Sets"/>[k] became; the search reuses the buffer).
    /// </summary>
    void ExamineTransition(int from, int to, ActionDef action, ReadOnlySpan<int> args, int[][] renaming);
}
