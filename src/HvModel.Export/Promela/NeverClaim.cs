using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// The never claim of one liveness property under the model's fairness: a Büchi automaton that
/// accepts exactly the behaviours that start (<c>live_started</c>), are fair, and break the
/// property; pan -a finds one as an acceptance cycle. Its formula, in SPIN's LTL, is written
/// above it:
/// <c>(&lt;&gt; started &amp;&amp; fairness) -&gt; property</c>, with weak fairness of instance k
/// <c>&lt;&gt;[] enabled_k -&gt; []&lt;&gt; taken_k</c> (the same as <c>[]&lt;&gt; (!enabled_k || taken_k)</c>) and strong
/// fairness <c>[]&lt;&gt; enabled_k -&gt; []&lt;&gt; taken_k</c>.
/// </summary>
/// <remarks>
/// Why a claim of our own and not SPIN's <c>ltl</c>: SPIN 6.5's translator did not finish
/// within two minutes on four weak fairness conjuncts, nor on two strong ones beside one weak
/// (it finishes in a second with two weak ones), and Peterson's model alone has eight fair
/// instances. The automaton is the textbook one for these shapes, of size linear in the weak
/// instances and 2^m in the m strong ones:
/// <list type="bullet">
/// <item>the negated property is "some time, then <c>S</c> for ever" (<c>S</c>: not q for leadsto after a state
/// with p and not q; not p for <c>always eventually p</c>, from some state on; not p for <c>eventually p</c>,
/// from the start) or, for <c>eventually always p</c>, "not p again and again";</item>
/// <item>strong fairness <c>&lt;&gt;[] !enabled_k || []&lt;&gt; taken_k</c> is met by guessing, once, the set C of
/// strong instances that stay disabled from then on: the claim then requires <c>!enabled_k</c> in
/// every state for k in C, and <c>taken_k</c> again and again for the others;</item>
/// <item>the conditions that must hold again and again (started; for each weak instance
/// <c>!enabled_k || taken_k</c>; for each strong one not in C <c>taken_k</c>; not p for <c>eventually
/// always</c>) are met one after the other, in a round of states whose last one accepts (the
/// usual counter that turns a generalised Büchi automaton into a plain one).</item>
/// </list>
/// Every branch is one expression, so that each claim step reads exactly one state: a
/// <c>skip</c> would be a step of its own.
/// </remarks>
internal static class NeverClaim
{
    /// <summary>Most strong instances a claim guesses about (2^m rounds).</summary>
    public const int MaxStrong = 8;

    /// <summary>Writes the claim named <paramref name="name"/>; <paramref name="p"/> and <paramref name="q"/> are the macros of the property's predicates.</summary>
    public static void Write(PromelaText output, string name, LivenessDef property, IReadOnlyList<FairInstance> fair, string p, string? q)
    {
        var strong = fair.Where(f => f.Fairness == Fairness.Strong).ToList();
        if (strong.Count > MaxStrong)
        {
            throw new NotSupportedException($"Promela export of liveness: {strong.Count} strongly fair instances (at most {MaxStrong}: the claim guesses which of them stay disabled, 2^m ways)");
        }

        var (entry, safety, recurring) = property.Form switch
        {
            LivenessForm.LeadsTo => ($"({p} && !{q})", $"!{q}", null),
            LivenessForm.AlwaysEventually => ($"!{p}", $"!{p}", null),
            LivenessForm.Eventually => (null, $"!{p}", null),
            _ => ((string?)null, (string?)null, $"!{p}"),
        };

        output.Line($"/* {PromelaNames.Sanitize(property.Name)}: {PromelaNames.Sanitize(Form(property.Form, p, q))}, \"{PromelaNames.Sanitize(property.Description)}\" */");
        output.Line($"/* LTL: {Formula(property.Form, p, q, fair)} */");
        output.Line($"never {name}");
        output.Line("{");
        var subsets = 1 << strong.Count;
        // The claim starts in its first state: wait, else guess, else the first round.
        if (entry is not null)
        {
            output.Line("wait: /* any prefix, until the property is broken from here on */");
            Loop(output, ["(1)", $"{entry} -> goto {(strong.Count > 0 ? "guess" : Round(0, 0))}"]);
        }

        if (strong.Count > 0)
        {
            output.Line("guess: /* when and which strongly fair instances stay disabled from now on */");
            Loop(output, [All(safety), .. Enumerable.Range(0, subsets).Select(c => $"{All([safety, .. Disabled(strong, c)])} -> goto {Round(c, 0)}")]);
        }

        for (var c = 0; c < subsets; c++)
        {
            var always = All([safety, .. Disabled(strong, c)]);
            List<string> again = ["live_started", .. fair.Where(f => f.Fairness == Fairness.Weak).Select(f => $"(!{f.Enabled} || {f.Taken})")];
            again.AddRange(strong.Where((_, k) => (c & (1 << k)) == 0).Select(f => $"({f.Taken})"));
            if (recurring is not null)
            {
                again.Add(recurring);
            }

            if (strong.Count > 0)
            {
                output.Line($"/* stay disabled: {(c == 0 ? "none" : string.Join(", ", strong.Where((_, k) => (c & (1 << k)) != 0).Select(f => PromelaNames.Sanitize(f.Instance.ToString()))))} */");
            }

            for (var i = 0; i < again.Count; i++)
            {
                output.Line($"{Round(c, i)}:");
                Loop(output, [$"{All([safety, .. Disabled(strong, c), again[i]])} -> goto {(i + 1 < again.Count ? Round(c, i + 1) : Accepting(c))}", always]);
            }

            output.Line($"{Accepting(c)}:");
            Loop(output, [$"{always} -> goto {Round(c, 0)}"]);
        }

        output.Line("}");
    }

    /// <summary>The property's formula with its fairness, in SPIN's LTL syntax (a comment: SPIN does not translate it, see the remarks).</summary>
    public static string Formula(LivenessForm form, string p, string? q, IReadOnlyList<FairInstance> fair)
    {
        var assumptions = fair.Select(f => f.Fairness == Fairness.Weak
            ? $"(<>[] {f.Enabled} -> []<> ({f.Taken}))"
            : $"([]<> {f.Enabled} -> []<> ({f.Taken}))").Prepend("<> live_started");
        return $"({string.Join(" && ", assumptions)}) -> {Form(form, p, q)}";
    }

    private static string Form(LivenessForm form, string p, string? q) => form switch
    {
        LivenessForm.LeadsTo => $"[] ({p} -> <> {q})",
        LivenessForm.AlwaysEventually => $"[] <> {p}",
        LivenessForm.Eventually => $"<> {p}",
        _ => $"<> [] {p}",
    };

    private static IEnumerable<string> Disabled(IReadOnlyList<FairInstance> strong, int subset) =>
        strong.Where((_, k) => (subset & (1 << k)) != 0).Select(f => $"!{f.Enabled}");

    /// <summary>A conjunction in brackets; "(1)" when empty.</summary>
    private static string All(IEnumerable<string?> conditions)
    {
        var parts = conditions.OfType<string>().ToList();
        return parts.Count == 0 ? "(1)" : parts.Count == 1 && parts[0].StartsWith('(') ? parts[0] : $"({string.Join(" && ", parts)})";
    }

    private static string All(string? condition) => All([condition]);

    private static void Loop(PromelaText output, IEnumerable<string> branches)
    {
        output.Indent++;
        output.Line("do");
        foreach (var b in branches)
        {
            output.Line($":: {b}");
        }

        output.Line("od;");
        output.Indent--;
    }

    private static string Round(int subset, int i) => $"round{subset}_{i}";

    private static string Accepting(int subset) => $"accept_round{subset}";
}
