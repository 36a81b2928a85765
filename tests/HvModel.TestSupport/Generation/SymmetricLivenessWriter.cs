using System.Text;
using CsCheck;

namespace HvModel.TestSupport.Generation;

/// <summary>
/// Random liveness properties and fairness appended to a model of
/// <see cref="SymmetricModelWriter"/>, for the differential tests of liveness under symmetry:
/// one to three properties of the four forms over symmetric predicates (members named only
/// through quantifiers, the variables that hold them and the distinguished member), and each
/// action weakly fair, strongly fair or not fair.
/// </summary>
public sealed class SymmetricLivenessWriter(Choices choose)
{
    private static readonly string[] Actions = ["one0", "one1", "one2", "two"];

    private bool distinguished;
    private bool pointers;

    /// <summary>The model of <paramref name="m"/> with liveness appended, drawn from its seed (the same seed gives the same text).</summary>
    public static GeneratedModel Append(GeneratedModel m) => m with { Text = new SymmetricLivenessWriter(new Choices(new PCG(13, m.Seed))).Append(m.Text) };

    public string Append(string model)
    {
        // What the symmetric writer chose shows in its text.
        distinguished = model.Contains("with p0", StringComparison.Ordinal);
        pointers = model.Contains("var g: P", StringComparison.Ordinal);
        var sb = new StringBuilder(model);
        var count = choose.Between(1, 3);
        for (var k = 0; k < count; k++)
        {
            var property = LivenessForms.Text(choose.Next(4), Predicate(), Predicate);
            sb.AppendLine($"liveness l{k}: {property}");
        }

        var fairness = Actions.Select(a => (Action: a, Kind: choose.Next(100) switch { < 40 => "weak", < 65 => "strong", _ => "" })).ToList();
        foreach (var kind in new[] { "weak", "strong" })
        {
            var fair = fairness.Where(f => f.Kind == kind).Select(f => f.Action).ToList();
            if (fair.Count > 0)
            {
                sb.AppendLine($"fair {kind}: {string.Join(", ", fair)}");
            }
        }

        return sb.ToString();
    }

    /// <summary>A symmetric Boolean predicate of the state.</summary>
    private string Predicate()
    {
        var forms = new List<string>
        {
            $"exists x: P . {Atom("x")}",
            $"forall x: P . {Atom("x")}",
            $"exists x: P . {Atom("x")} and {Atom("x")}",
            $"forall x: P . {Atom("x")} or {Atom("x")}",
            $"(count x: P . {Atom("x")}) >= {choose.Between(1, 3)}",
            $"exists x: P . exists y: P . x != y and {Atom("x")} and {Atom("y")}",
        };
        if (distinguished)
        {
            forms.Add(Atom("p0"));
        }

        var p = choose.Pick(forms);
        return choose.Next(4) switch
        {
            0 => $"({p}) and ({choose.Pick(forms)})",
            1 => $"({p}) or ({choose.Pick(forms)})",
            2 => $"!({p})",
            _ => p,
        };
    }

    private string Atom(string v)
    {
        var atoms = new List<string> { $"b[{v}]", $"!b[{v}]", $"a[{v}] = 0", $"a[{v}] = 1" };
        if (pointers)
        {
            atoms.AddRange([$"g = {v}", $"r[{v}] = {v}"]);
        }

        if (distinguished && v != "p0")
        {
            atoms.Add($"{v} = p0");
        }

        return choose.Pick(atoms);
    }
}
