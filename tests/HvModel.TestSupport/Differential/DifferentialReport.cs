namespace HvModel.TestSupport.Differential;

/// <summary>What comparing the engines on one generated model found.</summary>
public sealed class DifferentialReport(ulong seed)
{
    public ulong Seed { get; } = seed;

    /// <summary>Each disagreement, as a sentence naming the variant, property and engines.</summary>
    public List<string> Disagreements { get; } = [];

    /// <summary>Symbolic verdicts of unknown (not a disagreement, but counted).</summary>
    public int Unknowns { get; set; }

    /// <summary>Comparisons skipped: the explicit engine hit a limit, or a model error lies past the bound.</summary>
    public int Skipped { get; set; }

    /// <summary>Properties compared, over all variants and engines.</summary>
    public int Compared { get; set; }

    /// <summary>Occurrences of the known disagreement tolerated by DifferentialRunner (see KnownDisagreementTests).</summary>
    public int KnownDisagreements { get; set; }

    /// <summary>Runs that ended in a model error that every engine agreed on.</summary>
    public int ModelErrors { get; set; }
}
