namespace HvModel.TestSupport.Fuzzing;

/// <summary>The outcome of one fuzz case, with the error text or exception and the time it took.</summary>
public sealed record FuzzResult(FuzzCase Case, FuzzOutcome Outcome, string Detail, TimeSpan Elapsed)
{
    public bool Failed => Outcome is FuzzOutcome.Crash or FuzzOutcome.Hang or FuzzOutcome.BadErrorFormat;

    public override string ToString() => $"{Case}: {Outcome} after {Elapsed.TotalSeconds:0.00} s: {Detail}";
}
