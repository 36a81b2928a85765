using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Symbolic.Prove;

/// <summary>One conjunct of the invariant as printed: its name, origin and text in the model's syntax.</summary>
public sealed record PrintedLemma(string Name, LemmaOrigin Origin, string Text, string? Why)
{
    public string OriginWord => Origin switch
    {
        LemmaOrigin.Property => "property",
        LemmaOrigin.HandWritten => "hand-written",
        _ => "inferred",
    };
}

/// <summary>
/// A counterexample to induction: a state that satisfies the invariant tried (not necessarily
/// reachable), and the action instance that leads from it to a state violating the property,
/// as a trace step of the model bound at the (small) sizes the solver's model has.
/// </summary>
/// <param name="Sizes">The sizes of the two states, e.g. "CPUS=2 IRQS=1".</param>
/// <param name="Model">The model bound at those sizes (the trace's states are its slots).</param>
/// <param name="Step">The two states and the action between them.</param>
/// <param name="What">What the two states are, for the report.</param>
public sealed record CounterexampleToInduction(string Sizes, Model Model, Trace Step, string What);

/// <summary>The outcome of prove for one property of one variant.</summary>
public sealed record PropertyProof(
    string Variant,
    string Property,
    Verdict Verdict,
    string? Reason,
    IReadOnlyList<string> Lemmas,
    CounterexampleToInduction? Cti)
{
    /// <summary>True when the invariant's support came from inferred lemmas and the property alone.</summary>
    public bool InferredOnly { get; init; }
}

/// <summary>Times and counts of one variant's proof, for the report and the benchmark.</summary>
public sealed record ProveStatistics
{
    public int Configurations { get; init; }

    public long SampledStates { get; init; }

    public double ExplicitSeconds { get; init; }

    public int Mined { get; init; }

    public int Candidates { get; init; }

    public int AfterHoudini { get; init; }

    public int HoudiniRounds { get; init; }

    public double MiningSeconds { get; init; }

    public double HoudiniSeconds { get; init; }

    public double SupportSeconds { get; init; }

    public double CertificateSeconds { get; init; }

    public double TotalSeconds { get; init; }
}

/// <summary>Everything prove says about one variant.</summary>
public sealed record VariantProof(
    string Variant,
    IReadOnlyList<PropertyProof> Properties,
    IReadOnlyList<PrintedLemma> Invariant,
    string? Certificate,
    string Fragment,
    ProveStatistics Statistics);
