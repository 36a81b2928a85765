using HvModel.Core.Checking;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Smt;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// k-induction ("kind") with the simple-path strengthening, for every goal of the variant at
/// once. For k = 0, 1, ...: the base case is BMC at depth k from the initial states, shared by
/// all goals (a hit is a shortest counterexample); the step asks, per open goal, whether k+1
/// pairwise distinct states, linked by transitions, can be good for k states and bad at the
/// last. Unsat proves the goal (an invariant holds, a cover is unreachable), since the base
/// cases cover every shorter path, once the proof passes its certificate (base and step
/// re-checked by fresh solver processes). "Bad" includes model errors, so a proof also shows
/// that no model error is reachable. Goals proved strengthen the step case of the others: what
/// holds in every reachable state holds in the last k+1 states of a shortest path. Before the
/// goals one by one, each k looks for the largest set of open goals whose conjunction is
/// k-inductive (<see cref="KInductionSearch.Together"/>): goals that support one another
/// (properties and the model's lemmas) are proved together at a k where none is alone.
/// </summary>
/// <remarks>
/// Most invariants are not k-inductive for any small k: a state that breaks one lies on long
/// loop-free paths of unreachable states (v3 at 2x2: 1 of 7 proved in 120 s). As Kind 2 does,
/// an invariant generator (<see cref="CandidateInvariants"/>) gives candidate invariants at
/// k = 1; they join the set asked together, auxiliary goals that are never verdicts, and those
/// proved are assumed like the goals proved. <see cref="CheckOptions.GenerateInvariants"/> false
/// leaves them out.
/// </remarks>
public sealed class KInductionEngine(string? solverPath = null) : SymbolicEngine(solverPath)
{
    public override string Name => "kind";

    internal override void CheckVariant(VariantRun run)
    {
        using var search = new KInductionSearch(run);
        search.Run();
    }
}
