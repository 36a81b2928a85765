using System.Globalization;
using HvModel.Core.Ir;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Certificates;

/// <summary>
/// The explicit engine's part of a certificate for an invariant over the state slots (pdr's):
/// the solver's term evaluated on every reachable state, each slot's value bound to its
/// parameter. A reachable state outside a claimed invariant means the claim is wrong, whatever
/// the solvers said. Terms use the few SMT-LIB operators Spacer writes (connectives, ite,
/// comparisons, linear arithmetic, let); another makes the check say it did not run.
/// </summary>
public static class SlotInvariantCheck
{
    public static StateCheck For(Model model, InductiveInvariant invariant, Func<IReadOnlyList<int[]>?> states) => new("explicit evaluation", () =>
    {
        if (states() is not { } reachable)
        {
            return (null, "explicit: not evaluated (too many states for the explicit engine)");
        }

        try
        {
            foreach (var state in reachable)
            {
                var env = new Dictionary<string, long>();
                for (var k = 0; k < invariant.Parameters.Count && k < state.Length; k++)
                {
                    env[invariant.Parameters[k]] = state[k];
                }

                if (Eval(invariant.Body, env) == 0)
                {
                    return ("a reachable state lies outside the invariant", string.Empty);
                }
            }
        }
        catch (NotSupportedException e)
        {
            return (null, $"explicit: not evaluated ({e.Message})");
        }

        return (null, $"explicit: the invariant holds in the {reachable.Count} reachable states");
    });

    /// <summary>The value of a term (bools as 0/1) under values of its free symbols.</summary>
    public static long Eval(Sexp e, Dictionary<string, long> env)
    {
        if (e.Atom is { } a)
        {
            return a switch
            {
                "true" => 1,
                "false" => 0,
                _ when env.TryGetValue(a, out var v) => v,
                _ when long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                _ => throw new NotSupportedException($"unknown symbol {a}"),
            };
        }

        var head = e.Items[0].Atom ?? throw new NotSupportedException("a term without an operator");
        var args = e.Items.Skip(1).ToList();
        long Arg(int i) => Eval(args[i], env);
        static long B(bool b) => b ? 1 : 0;
        switch (head)
        {
            case "not": return B(Arg(0) == 0);
            case "and": return B(args.All(x => Eval(x, env) != 0));
            case "or": return B(args.Any(x => Eval(x, env) != 0));
            case "=>": return B(Arg(0) == 0 || Arg(1) != 0);
            case "=": return B(args.Skip(1).All(x => Eval(x, env) == Arg(0)));
            case "distinct": return B(args.Select(x => Eval(x, env)).Distinct().Count() == args.Count);
            case "ite": return Arg(0) != 0 ? Arg(1) : Arg(2);
            case "<": return B(Arg(0) < Arg(1));
            case "<=": return B(Arg(0) <= Arg(1));
            case ">": return B(Arg(0) > Arg(1));
            case ">=": return B(Arg(0) >= Arg(1));
            case "+": return args.Sum(x => Eval(x, env));
            case "-": return args.Count == 1 ? -Arg(0) : Arg(0) - args.Skip(1).Sum(x => Eval(x, env));
            case "*": return args.Aggregate(1L, (p, x) => p * Eval(x, env));
            case "div": return EuclidDiv(Arg(0), Arg(1));
            case "mod": return Arg(0) - (Arg(1) * EuclidDiv(Arg(0), Arg(1)));
            case "let":
            {
                var inner = new Dictionary<string, long>(env);
                foreach (var b in args[0].Items)
                {
                    inner[b.Items[0].Atom!] = Eval(b.Items[1], env);
                }

                return Eval(args[1], inner);
            }

            default:
                throw new NotSupportedException($"the operator {head}");
        }
    }

    // SMT-LIB's div: the remainder is never negative.
    private static long EuclidDiv(long a, long b)
    {
        if (b == 0)
        {
            throw new NotSupportedException("a division by zero");
        }

        var q = a / b;
        return a - (q * b) < 0 ? (b > 0 ? q - 1 : q + 1) : q;
    }
}
