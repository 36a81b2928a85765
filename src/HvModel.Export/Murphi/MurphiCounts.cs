using HvModel.Core.Ir;

namespace HvModel.Export.Murphi;

/// <summary>
/// <c>count x: T . body</c> as a call of a Murphi function that counts with a loop over T:
/// Murphi has no counting expression, and a scalarset's members cannot be written as literals
/// to add up term by term. The locals the body reads from outside are the function's
/// parameters, except distinguished members known when the text is written, which the
/// function is written for. One function per count expression and such members.
/// </summary>
internal sealed class MurphiCounts(MurphiGlobals globals, MurphiFrame frame)
{
    private MurphiTypes Types => globals.Types;

    /// <summary>The call that counts the values of <paramref name="q"/>'s variable for which its body holds.</summary>
    public string Call(QuantExpr q)
    {
        var free = ModelWalk.FreeLocals(q);
        var values = free.Select(l => frame[l]).ToList();
        var key = string.Join(",", values.Select(v => v is MemberValue m ? $"member {m.Ordinal}" : v.GetType().Name));
        if (!globals.Counts.TryGetValue((q, key), out var name))
        {
            name = Write(q, free, values);
            globals.Counts[(q, key)] = name;
        }

        var arguments = values.Where(v => v is not MemberValue).Select(v => v switch
        {
            PlainValue p => p.Text,
            RestValue r => r.Text,
            HeldValue { Record: { } record } => record,
            _ => throw new NotSupportedException($"Murphi export: a count reads a value held nowhere ({v})"),
        });
        return $"{name}({string.Join(", ", arguments)})";
    }

    private string Write(QuantExpr q, List<Local> free, List<MurphiValue> values)
    {
        var name = globals.Names.Take($"count_{q.Variable.Name}");
        var scope = globals.Names.Scope();
        var inner = new MurphiFrame(scope);
        var parameters = new List<string>();
        for (var k = 0; k < free.Count; k++)
        {
            var local = free[k];
            if (values[k] is MemberValue m)
            {
                inner.Bind(local, m);
                continue;
            }

            var parameter = scope.NameOf(local);
            var (value, type) = values[k] switch
            {
                RestValue r => ((MurphiValue)new RestValue(r.Type, parameter), Types.Rest(r.Type)),
                HeldValue h => (new HeldValue(h.Type, $"{parameter}.which", $"{parameter}.rest", parameter), Types.Scalar(h.Type)),
                _ => (new PlainValue(parameter), frame.TypeOf(local, Types)),
            };
            inner.Bind(local, value, type);
            parameters.Add($"{parameter}: {type}");
        }

        var expressions = new MurphiExpressions(globals, inner);
        var n = scope.Fresh("n");
        var x = scope.NameOf(q.Variable);
        string Counted(MurphiValue v, string? type) =>
            $"if {inner.With(q.Variable, v, () => expressions.Text(q.Body), type)} then {n} := {n} + 1; end;";

        var domain = q.Variable.Domain;
        var lines = new List<string> { $"{n} := 0;" };
        if (domain is ScalarsetType s && MurphiTypes.IsSplit(s))
        {
            lines.AddRange(Enumerable.Range(0, s.Fixed).Select(k => Counted(new MemberValue(s, k), null)));
            lines.Add($"for {x}: {Types.Rest(s)} do {Counted(new RestValue(s, x), null)} end;");
        }
        else
        {
            lines.Add($"for {x}: {Types.Domain(domain)} do {Counted(new PlainValue(x), Types.Domain(domain))} end;");
        }

        lines.Add($"return {n};");
        globals.Functions.Add(
            $"function {name}({string.Join("; ", parameters)}): 0..{domain.Count};\nvar {n}: 0..{domain.Count};\nbegin\n  {string.Join("\n  ", lines)}\nend;\n");
        return name;
    }
}
