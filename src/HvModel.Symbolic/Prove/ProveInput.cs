using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Symbolic.Prove.Inference;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// What prove needs from its caller, beside the model: binding the model again (at other sizes,
/// or with the printed invariant added as lemmas, to re-check the text itself) and the
/// reachable states of a configuration (the explicit engine's, which this project does not see).
/// </summary>
/// <param name="Model">The model as given (the user's constants applied).</param>
/// <param name="Overrides">The user's <c>--const</c> values.</param>
/// <param name="Load">Binds the model with these constants.</param>
/// <param name="LoadWithLemmas">Binds the model with the user's constants and extra <c>lemma NAME "why": TEXT</c> declarations.</param>
/// <param name="Explore">The reachable states of a configuration and variant.</param>
/// <param name="Options">Limits, progress, dump folder.</param>
/// <param name="SolverPath">The z3 program (null: the default).</param>
/// <param name="SecondSolver">The cvc5 program for certificates (null: none).</param>
public sealed record ProveInput(
    Model Model,
    IReadOnlyDictionary<string, string> Overrides,
    Func<IReadOnlyDictionary<string, string>, Model> Load,
    Func<IReadOnlyList<(string Name, string Text)>, Model> LoadWithLemmas,
    Func<SizeConfiguration, Variant, StateSample> Explore,
    CheckOptions Options,
    string? SolverPath,
    string? SecondSolver)
{
    /// <summary>Largest size of a scalarset in the sampled configurations.</summary>
    public int MaxSampleSize { get; init; } = 3;

    /// <summary>The least time the certificate's second solver gets per obligation (see <see cref="Certificates.CertificateChecker.SecondMinimum"/>).</summary>
    public TimeSpan SecondSolverMinimum { get; init; } = Certificates.CertificateChecker.DefaultSecondMinimum;
}
