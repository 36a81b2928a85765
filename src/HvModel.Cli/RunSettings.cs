using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Reports;

namespace HvModel.Cli;

/// <summary>
/// The settings a report says a run was made with, each once for text and JSON alike: the
/// limits that bound it and how symmetry was reduced.
/// </summary>
public static class RunSettings
{
    /// <summary><c>check</c>'s: max-states and symmetry for the explicit engine, the depth for the symbolic ones (and kind's invariant generation when off).</summary>
    public static IReadOnlyList<RunSetting> Check(CheckOptions o, string engine, Model model, IReadOnlyList<CheckResult> results)
    {
        var settings = new List<RunSetting>();
        if (engine == "explicit")
        {
            settings.Add(MaxStates(o));
            settings.Add(o.Symmetry ? Symmetry(model) : RunSetting.Described("symmetry", "off (--no-symmetry)", "symmetry off (--no-symmetry)"));
            if (o.Fingerprints)
            {
                settings.Add(RunSetting.Described("states", "64-bit fingerprints (--fingerprint)", "states as 64-bit fingerprints"));

                // The largest over the variants, whose own are beside their verdicts.
                if (results.Max(r => r.CollisionProbability) is { } p)
                {
                    settings.Add(RunSetting.Numeric("collision_probability", p, $"collision probability at most {RunSummary.Probability(p)}"));
                }
            }

            if (o.Timeout is { } t)
            {
                settings.Add(RunSetting.Numeric("timeout_seconds", t.TotalSeconds, $"timeout {t.TotalSeconds} s"));
            }
        }
        else
        {
            settings.Add(RunSetting.Numeric("depth", o.Depth, $"depth {o.Depth}"));
            if (engine == "kind" && !o.GenerateInvariants)
            {
                settings.Add(RunSetting.Described("invariant_generation", "off (--no-invariant-generation)", "no invariant generation"));
            }
            if (o.Timeout is { } t)
            {
                // A symbolic run's limit is shared by all its checks, not one per check.
                settings.Add(RunSetting.Numeric("timeout_seconds", t.TotalSeconds, $"timeout {t.TotalSeconds} s for the whole run"));
            }
        }

        return [.. settings, .. MaxMemory(o)];
    }

    /// <summary>What the review commands (diff, ablate, gate) say: they explore with the explicit engine.</summary>
    public static IReadOnlyList<RunSetting> Review(Model model) => [Symmetry(model)];

    /// <summary><c>prove</c>'s: the limits of its explicit sampling and of the whole run.</summary>
    public static IReadOnlyList<RunSetting> Prove(CheckOptions o)
    {
        var settings = new List<RunSetting> { MaxStates(o) };
        if (o.Timeout is { } t)
        {
            settings.Add(RunSetting.Numeric("timeout_seconds", t.TotalSeconds, $"timeout {t.TotalSeconds} s for the whole run"));
        }

        return [.. settings, .. MaxMemory(o)];
    }

    private static RunSetting MaxStates(CheckOptions o) => RunSetting.Numeric("max_states", o.MaxStates, $"max-states {o.MaxStates}");

    private static IEnumerable<RunSetting> MaxMemory(CheckOptions o) => o.MaxMemoryBytes is { } bytes
        ? [RunSetting.Numeric("max_memory_bytes", bytes, $"max-memory {bytes >> 20} MiB")]
        : [];

    /// <summary>
    /// How symmetry is reduced, as the explicit engine describes it (<c>symmetry: canonical
    /// (...)</c>, <c>symmetry off: REASON</c>); JSON takes the description without the word.
    /// </summary>
    private static RunSetting Symmetry(Model model)
    {
        var text = Explicit.Symmetry.Describe(model);
        var words = text.StartsWith("symmetry: ", StringComparison.Ordinal) ? text["symmetry: ".Length..]
            : text.StartsWith("symmetry ", StringComparison.Ordinal) ? text["symmetry ".Length..]
            : text;
        return RunSetting.Described("symmetry", words, text);
    }
}
