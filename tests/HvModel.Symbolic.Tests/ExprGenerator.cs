using System.Globalization;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// Random well-typed expressions over <see cref="Declarations"/>, as model text: every IR node
/// kind (literals, variables, nested and computed array indices that may fall out of range,
/// locals, all operators, conditionals, the three quantifiers, hunks).
/// </summary>
internal sealed class ExprGenerator(int seed)
{
    public const string Declarations = """
        model exprs
        type R = -2 .. 3
        type I = 0 .. 2
        enum E { A, B, C }
        type S = scalarset(2)
        var b: bool
        var c: bool
        var x: R
        var y: 0 .. 4
        var e: E
        var a: array[I] of 0 .. 4
        var f: array[S] of bool
        var m: array[I] of array[bool] of R
        hunk h1
        hunk h2
        variant v = { h1 }
        """;

    private readonly Random random = new(seed);
    private readonly List<(string Name, string Type)> locals = [];
    private int nextLocal;

    public string Bool(int depth)
    {
        var pick = random.Next(depth <= 0 ? 4 : 17);
        switch (pick)
        {
            case 0: return random.Next(2) == 0 ? "b" : "c";
            case 1: return random.Next(2) == 0 ? "true" : "false";
            case 2: return random.Next(2) == 0 ? "hunk h1" : "hunk h2";
            case 3:
                var s = Local("S");
                return s is null ? "b" : $"f[{s}]";
            case 4: return $"not {Bool(depth - 1)}";
            case 5: return $"({Bool(depth - 1)} and {Bool(depth - 1)})";
            case 6: return $"({Bool(depth - 1)} or {Bool(depth - 1)})";
            case 7: return $"({Bool(depth - 1)} -> {Bool(depth - 1)})";
            case 8: return $"({Bool(depth - 1)} <-> {Bool(depth - 1)})";
            case 9:
            {
                var op = new[] { "=", "!=", "<", "<=", ">", ">=" }[random.Next(6)];
                return $"({Int(depth - 1)} {op} {Int(depth - 1)})";
            }

            case 10: return $"({Enum(depth - 1)} {(random.Next(2) == 0 ? "=" : "!=")} {Enum(depth - 1)})";
            case 11: return $"(if {Bool(depth - 1)} then {Bool(depth - 1)} else {Bool(depth - 1)} end)";
            case 12:
            case 13:
            {
                var type = random.Next(3) == 0 ? "S" : "I";
                var name = $"k{nextLocal++}";
                locals.Add((name, type));
                var body = Bool(depth - 1);
                locals.RemoveAt(locals.Count - 1);
                return $"({(pick == 12 ? "forall" : "exists")} {name}: {type} . {body})";
            }

            case 14: return $"(m[{Index(depth - 1)}][{Bool(depth - 1)}] = {Int(depth - 1)})";
            case 15: return $"({Bool(depth - 1)} = {Bool(depth - 1)})";
            default: return $"(a[{Index(depth - 1)}] > {Int(depth - 1)})";
        }
    }

    /// <summary>Whether <see cref="Int"/> also draws '/', '%', the bit operators and shifts.</summary>
    public bool DivisionAndBits { get; init; } = true;

    public string Int(int depth)
    {
        var pick = random.Next(depth <= 0 ? 4 : DivisionAndBits ? 20 : 13);
        switch (pick)
        {
            // Divisors and operands are drawn around zero: negative operands, a zero divisor and
            // a negative operand of a bit operator are the cases where C and SMT-LIB differ or
            // the evaluator raises an error.
            case 13: return $"({Int(depth - 1)} / {Small()})";
            case 14: return $"({Int(depth - 1)} % {(random.Next(2) == 0 ? Small() : Int(depth - 1))})";
            case 15: return $"({Int(depth - 1)} / {Int(depth - 1)})";
            case 16:
            {
                var op = new[] { "band", "bor", "bxor" }[random.Next(3)];
                return $"({Int(depth - 1)} {op} {(random.Next(2) == 0 ? Small() : Int(depth - 1))})";
            }

            case 17: return $"({Int(depth - 1)} << {(random.Next(2) == 0 ? Small() : Int(depth - 1))})";
            case 18: return $"({Int(depth - 1)} >> {(random.Next(2) == 0 ? Small() : Int(depth - 1))})";
            case 19: return $"(({Int(depth - 1)} * 1000000) {new[] { "/", "%", "<<", "band" }[random.Next(4)]} {Int(depth - 1)})";
        }

        switch (pick)
        {
            case 0: return random.Next(2) == 0 ? "x" : "y";
            case 1: return random.Next(-3, 6).ToString(CultureInfo.InvariantCulture).Replace("-", "- ", StringComparison.Ordinal);
            case 2: return Local("I") ?? "y";
            case 3: return $"a[{(random.Next(2) == 0 ? random.Next(3).ToString(CultureInfo.InvariantCulture) : Local("I") ?? "1")}]";
            case 4: return $"a[{Index(depth - 1)}]";
            case 5: return $"m[{Index(depth - 1)}][{Bool(depth - 1)}]";
            case 6: return $"({Int(depth - 1)} + {Int(depth - 1)})";
            case 7: return $"({Int(depth - 1)} - {Int(depth - 1)})";
            case 8: return $"({Int(depth - 1)} * {random.Next(-2, 3).ToString(CultureInfo.InvariantCulture).Replace("-", "- ", StringComparison.Ordinal)})";
            case 9: return $"(- {Int(depth - 1)})";
            case 10: return $"(if {Bool(depth - 1)} then {Int(depth - 1)} else {Int(depth - 1)} end)";
            case 11:
            {
                var name = $"k{nextLocal++}";
                locals.Add((name, "I"));
                var body = Bool(depth - 1);
                locals.RemoveAt(locals.Count - 1);
                return $"(count {name}: I . {body})";
            }

            default: return $"({Int(depth - 1)} + 1)";
        }
    }

    public string Enum(int depth) => random.Next(depth <= 0 ? 2 : 3) switch
    {
        0 => "e",
        1 => new[] { "A", "B", "C" }[random.Next(3)],
        _ => $"(if {Bool(depth - 1)} then {Enum(depth - 1)} else {Enum(depth - 1)} end)",
    };

    private string Small() => random.Next(-3, 6).ToString(CultureInfo.InvariantCulture).Replace("-", "- ", StringComparison.Ordinal);

    /// <summary>An index for an I-indexed array: usually in range, sometimes computed and possibly out of it.</summary>
    private string Index(int depth) => random.Next(4) switch
    {
        0 => random.Next(3).ToString(CultureInfo.InvariantCulture),
        1 => Local("I") ?? "0",
        _ => Int(depth),
    };

    private string? Local(string type)
    {
        var candidates = locals.Where(l => l.Type == type).ToList();
        return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)].Name;
    }
}
