using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// What the Promela export adds for liveness (only when asked: state counts are unchanged
/// without it): <c>live_taken</c>, the fair instance the last step took (0: a step of no fair
/// instance, a choice that found no value and restored the state, or the stutter step);
/// <c>live_started</c>, set by the init step; a stutter branch; a macro per fair instance,
/// "it has a successor here" (<see cref="SuccessorCondition"/>), and per predicate; and a never
/// claim per property (<see cref="NeverClaim"/>).
/// </summary>
/// <remarks>
/// Why each part. SPIN's <c>-f</c> is fairness among processes, and the export is one process,
/// so the fairness of action instances is in the claim, which needs to see which instance moved
/// and which could have: <c>live_taken</c> and the enabled macros. A step of instance k sets
/// <c>live_taken = k</c> only when it makes a successor; a choice that finds no value restores
/// the state and sets 0, which makes it the same transition as the stutter step, so it can
/// neither make an unfair cycle look fair (it never says k was taken) nor add a behaviour
/// HvModel lacks (stopping is one already). The stutter branch, always executable, is how a
/// behaviour stops in any state, as in HvModel (and TLC): pan then never sees a blocked process,
/// and stopping is fair exactly where no fair instance is enabled, which the fairness
/// conditions say by themselves. <c>live_started</c> keeps SPIN's own pre-init state out of the
/// verdict: every predicate macro is false before it, and a behaviour must start to count.
/// </remarks>
internal sealed class PromelaLiveness
{
    private readonly List<LivenessDef> properties;

    public PromelaLiveness(Model model, PromelaExpressions expressions, IReadOnlyList<LivenessDef> properties)
    {
        this.properties = [.. properties];
        var number = 0;
        foreach (var action in model.Actions)
        {
            var fairness = model.Fairness.GetValueOrDefault(action, Fairness.None);
            if (fairness == Fairness.None)
            {
                continue;
            }

            foreach (var instance in action.Instances())
            {
                var enabled = Write(expressions, SuccessorCondition.Of(instance));
                if (enabled.IsFalse)
                {
                    continue; // never enabled in this variant: fairness asks nothing of it
                }

                var fair = new FairInstance(instance, fairness, ++number);
                Fair.Add(fair);
                Macros.Add($"#define {fair.Enabled} (live_started && {enabled}) /* {PromelaNames.Sanitize(fair.ToString())} */");
            }
        }

        foreach (var p in properties)
        {
            Macros.Add($"#define {Predicate(p, "p")} (live_started && {Write(expressions, p.P)})");
            if (p.Q is { } q)
            {
                Macros.Add($"#define {Predicate(p, "q")} (live_started && {Write(expressions, q)})");
            }
        }
    }

    /// <summary>The fair instances that may be enabled in this variant, numbered from 1.</summary>
    public List<FairInstance> Fair { get; } = [];

    private List<string> Macros { get; } = [];

    /// <summary>The claim's name: the property's, unless Promela reserves it.</summary>
    public static string ClaimName(LivenessDef property) => PromelaNames.Keyword(property.Name) ? $"live_{property.Name}" : property.Name;

    /// <summary>What a step of <paramref name="instance"/> that makes a successor records.</summary>
    public string Taken(ActionInstance instance) =>
        $"live_taken = {Fair.FirstOrDefault(f => f.Instance.Equals(instance))?.Number ?? 0}";

    /// <summary>What a step records that makes no successor (the state restored): nothing fair was taken.</summary>
    public static string NothingTaken => "live_taken = 0";

    /// <summary>The two globals, declared with the model's.</summary>
    public IEnumerable<string> Declarations =>
    [
        $"{(Fair.Count < 256 ? "byte" : "short")} live_taken = 0; /* the fair instance the last step took (numbered below), 0 for none */",
        "bool live_started = false; /* the init step has run */",
    ];

    /// <summary>The stutter branch of the loop.</summary>
    public static string Stutter => ":: live_taken = 0 /* stutter: a behaviour may stop in any state (fair only where no fair instance is enabled) */";

    /// <summary>The macros and the never claims, after the process.</summary>
    public void WriteClaims(PromelaText output)
    {
        output.Line("/* Fair instances: live_taken == k after a step of instance k; live_enabled_k: k has a successor here. */");
        foreach (var macro in Macros)
        {
            output.Line(macro);
        }

        foreach (var p in properties)
        {
            output.Line("");
            NeverClaim.Write(output, ClaimName(p), p, Fair, Predicate(p, "p"), p.Q is null ? null : Predicate(p, "q"));
        }
    }

    private static string Predicate(LivenessDef property, string which) => $"live_{which}_{property.Name}";

    private static PromelaCode Write(PromelaExpressions expressions, Expr e)
    {
        expressions.Locals.Clear();
        expressions.State.Clear(); // a claim reads the state between steps: nothing is known
        return expressions.Code(e);
    }
}
