using System.Text;

namespace HvModel.TestSupport.Generation;

/// <summary>
/// Models shaped for the symmetry reduction's differential tests (the
/// <see cref="GeneratorSettings.Symmetric"/> profile): one scalarset of 3 or 4 members, arrays
/// indexed by it, optionally values of its type (which need the signature sort) and a
/// distinguished member named in guards, effects and properties. Properties speak of members
/// only through quantifiers, variables and the distinguished name, as the language forces.
/// </summary>
public sealed class SymmetricModelWriter(Choices choose)
{
    private bool pointers;
    private bool distinguished;

    public string Write()
    {
        pointers = choose.Chance(50);
        distinguished = choose.Chance(50);
        var size = pointers ? 3 : choose.Between(3, 4);
        var sb = new StringBuilder();
        sb.AppendLine("model symmetric");
        sb.AppendLine($"type P = scalarset({size}){(distinguished ? " with p0" : "")}");
        sb.AppendLine("var a: array[P] of 0 .. 1 = 0");
        sb.AppendLine("var b: array[P] of bool = false");
        if (pointers)
        {
            sb.AppendLine("var r: array[P] of P");
            sb.AppendLine("var g: P");
            sb.AppendLine("init for x: P do r[x] := x end end");
        }

        if (choose.Chance(50))
        {
            sb.AppendLine("allow deadlock");
        }

        for (var k = 0; k < 3; k++)
        {
            sb.AppendLine($"action one{k}(p: P) when {Guard("p", null)} do {Statement("p", null, 2)} end");
        }

        sb.AppendLine($"action two(p: P, q: P) when {Guard("p", "q")} do {Statement("p", "q", 2)} end");
        sb.AppendLine($"invariant i1: forall x: P . {Atom("x", null)} -> {Atom("x", null)}");
        sb.AppendLine($"invariant i2: (count x: P . {Atom("x", null)}) <= {1 + choose.Next(size)}");
        sb.AppendLine($"invariant i3: !(exists x: P . exists y: P . x != y and {Atom("x", "y")} and {Atom("y", "x")})");
        sb.AppendLine($"cover c1: exists x: P . {Atom("x", null)} and {Atom("x", null)}");
        if (distinguished)
        {
            sb.AppendLine($"invariant i4: {Atom("p0", null)} or {Atom("p0", null)}");
        }

        return sb.ToString();
    }

    private string Guard(string v, string? w)
    {
        var g = Atom(v, w);
        return choose.Next(3) switch
        {
            0 => g,
            1 => $"({g} or {Atom(v, w)})",
            _ => $"!({g} and {Atom(v, w)})",
        };
    }

    /// <summary>A Boolean atom about member <paramref name="v"/> (and <paramref name="w"/> if given).</summary>
    private string Atom(string v, string? w)
    {
        var atoms = new List<string> { $"b[{v}]", $"a[{v}] = 0", $"a[{v}] = 1", $"!b[{v}]" };
        if (pointers)
        {
            atoms.AddRange([$"r[{v}] = {v}", $"g = {v}", $"b[r[{v}]]"]);
            if (w is not null)
            {
                atoms.Add($"r[{v}] = {w}");
            }
        }

        if (distinguished)
        {
            atoms.Add($"{v} = p0");
            atoms.Add(pointers ? $"r[{v}] = p0" : $"{v} != p0");
        }

        if (w is not null)
        {
            atoms.AddRange([$"{v} = {w}", $"{v} != {w}", $"b[{w}]"]);
        }

        return choose.Pick(atoms);
    }

    private string Statement(string p, string? q, int depth)
    {
        var other = q ?? p;
        var options = new List<string>
        {
            $"b[{p}] := !b[{p}]",
            $"a[{p}] := 1 - a[{p}]",
            $"b[{other}] := b[{p}]",
            "for x: P do b[x] := false end",
        };
        if (pointers)
        {
            options.AddRange([$"r[{p}] := {other}", $"g := {p}", $"a[r[{p}]] := 1", $"any x: P where {Atom("x", p)} do r[{p}] := x end"]);
        }

        if (distinguished)
        {
            options.Add("b[p0] := true");
        }

        if (depth > 0)
        {
            options.Add($"if {Atom(p, q)} then {Statement(p, q, depth - 1)} else {Statement(p, q, depth - 1)} end");
            options.Add($"{Statement(p, q, depth - 1)}; {Statement(p, q, depth - 1)}");
        }

        return choose.Pick(options);
    }
}
