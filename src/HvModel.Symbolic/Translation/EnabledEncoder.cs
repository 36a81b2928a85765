using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Symbolic.Smt;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Translation;

/// <summary>
/// The condition that some action instance is enabled in a state, or raises a model error
/// there: the negation of a deadlock as the explicit engine sees one (a state in which no
/// instance yields a successor and none fails). "No successor" is a statement about every
/// choice, which fresh constants cannot express, so parameters are expanded into instances with
/// concrete arguments and each <c>any</c> into its candidates, with the statements after it
/// run once per candidate: an <c>any ... where</c> without candidate yields no successor.
/// Statements that contain no <c>any</c> always have an outcome and are run symbolically once.
/// </summary>
/// <remarks>
/// Without errors (<c>withErrors: false</c>) it is the condition that some instance has an
/// outcome, errors left out, and statements after which no path can lose its outcome are not
/// run at all (a body without a conditional <c>any</c> has one whenever its guard holds). That
/// form is for a query that asks for a deadlock or a model error of some action anyway: "no
/// instance has an outcome or fails, or one fails" is "no instance has an outcome, or one
/// fails". It is many times smaller (v3 at 4x4: no statement needs running), and it is what
/// Spacer can take.
/// </remarks>
internal sealed class EnabledEncoder
{
    /// <summary>Most instances and choice cases spelled out; beyond it the encoding is refused.</summary>
    public const int MaxCases = 100_000;

    private readonly ModelEncoder encoder;
    private readonly SmtFragment fragment = new();
    private readonly string prefix;
    private readonly bool withErrors;
    private int cases;
    private int runs;

    private EnabledEncoder(ModelEncoder encoder, string prefix, bool withErrors)
    {
        this.encoder = encoder;
        this.prefix = prefix;
        this.withErrors = withErrors;
    }

    /// <summary>The condition over <paramref name="state"/>, with the constants it names (fresh names start with <paramref name="prefix"/>).</summary>
    /// <exception cref="EncodingTooLargeException">More than <see cref="MaxCases"/> instances or choices.</exception>
    public static (string Term, SmtFragment Fragment) Encode(ModelEncoder encoder, IReadOnlyList<string> state, string prefix, bool withErrors = true)
    {
        var e = new EnabledEncoder(encoder, prefix, withErrors);
        var term = e.SomeInstance(state);
        return (term, e.fragment);
    }

    private string SomeInstance(IReadOnlyList<string> state)
    {
        var model = encoder.Model;
        var terms = new List<string>();
        foreach (var action in model.Actions)
        {
            foreach (var instance in action.Instances())
            {
                var args = instance.Args;
                Count();
                var translator = encoder.Translator(state);
                for (var i = 0; i < args.Length; i++)
                {
                    var p = action.Parameters[i];
                    translator.Locals[p.Slot] = encoder.Arithmetic.Constant(p.Domain, args[i]);
                }

                var guard = translator.Translate(action.Guard);
                var fires = guard.Term == False ? False : And(guard.Term, Outcome(ImmutableStack.Create(new Item(action.Body, -1, null)), translator));
                terms.Add(withErrors ? Or(guard.Error, fires) : fires);
                if (terms[^1] == True)
                {
                    return True;
                }
            }
        }

        return Or(terms);
    }

    /// <summary>
    /// When running <paramref name="rest"/> from the translator's state has an outcome or raises
    /// an error. Plain statements run in a loop; only a case split (an <c>if</c> around an
    /// <c>any</c>, an <c>any</c>) recurses, once per case, on copies of the state.
    /// </summary>
    private string Outcome(ImmutableStack<Item> rest, ExprTranslator expr)
    {
        var errors = new Errors(withErrors);
        while (!rest.IsEmpty)
        {
            if (!withErrors && !rest.Any(item => StmtFacts.MayHaveNoOutcome(item.Stmt)))
            {
                return True;
            }

            rest = rest.Pop(out var item);
            if (item.Slot >= 0)
            {
                expr.Locals[item.Slot] = item.Value;
            }

            var s = item.Stmt;
            if (!StmtFacts.HasChoice(s))
            {
                var exec = new SymbolicExecutor(expr, fragment, $"{prefix}_r{runs++}", True, True) { SlotSort = encoder.SlotSort };
                exec.Run(s);
                errors.AddRange(exec.Errors);
                continue;
            }

            switch (s)
            {
                case BlockStmt b:
                    for (var i = b.Statements.Length - 1; i >= 0; i--)
                    {
                        rest = rest.Push(new Item(b.Statements[i], -1, null));
                    }

                    break;
                case ForStmt f:
                    for (var o = f.Variable.Domain.Count - 1; o >= 0; o--)
                    {
                        rest = rest.Push(new Item(f.Body, f.Variable.Slot, expr.Arithmetic.Constant(f.Variable.Domain, f.Variable.Domain.ValueAt(o))));
                    }

                    break;
                case LetStmt l:
                {
                    var value = expr.Translate(l.Value);
                    var rangeError = l.Variable.Type is ScalarType domain ? expr.OutOfRange(domain, l.Value.Type, value) : False;
                    errors.Add(Or(value.Error, rangeError));
                    rest = rest.Push(new Item(l.Body, l.Variable.Slot, value with { Error = False }));
                    break;
                }

                case IfStmt i:
                {
                    var c = expr.Translate(i.Condition);
                    errors.Add(c.Error);
                    if (c.Const is { } k)
                    {
                        rest = rest.Push(new Item(k != 0 ? i.Then : i.Else, -1, null));
                        break;
                    }

                    Count();
                    var then = Outcome(rest.Push(new Item(i.Then, -1, null)), expr.Clone());
                    var otherwise = Outcome(rest.Push(new Item(i.Else, -1, null)), expr.Clone());
                    return errors.Or(Ite(c.Term, then, otherwise));
                }

                case AnyStmt a:
                {
                    var type = a.Variable.Domain;
                    var cases = new List<string>();
                    for (var o = 0; o < type.Count; o++)
                    {
                        var branch = expr.Clone();
                        branch.Locals[a.Variable.Slot] = branch.Arithmetic.Constant(type, type.ValueAt(o));
                        var where = a.Where is null ? SmtValue.Of(True) : branch.Translate(a.Where);

                        // The evaluator tries 'where' for every value: an error in any of them is an error.
                        errors.Add(where.Error);
                        if (where.Term == False)
                        {
                            continue;
                        }

                        Count();
                        cases.Add(And(where.Term, Outcome(rest.Push(new Item(a.Body, -1, null)), branch)));
                    }

                    return errors.Or(Or(cases));
                }

                default:
                    throw new InvalidOperationException($"no enabledness rule for '{s.GetType().Name}'");
            }
        }

        // The end of the body is an outcome.
        return True;
    }

    private void Count()
    {
        if (++cases > MaxCases)
        {
            throw new EncodingTooLargeException($"deadlock freedom needs every action instance and every choice spelled out, more than {MaxCases} cases in this model");
        }
    }

    /// <summary>The errors met on one path, kept only when the encoding has errors.</summary>
    private sealed class Errors(bool kept)
    {
        private readonly List<string> terms = [];

        public void Add(string error)
        {
            if (kept)
            {
                terms.Add(error);
            }
        }

        public void AddRange(IEnumerable<string> errors)
        {
            foreach (var e in errors)
            {
                Add(e);
            }
        }

        /// <summary>These errors or <paramref name="outcome"/>.</summary>
        public string Or(string outcome) => SmtTerms.Or(terms.Append(outcome));
    }

    /// <summary>A statement still to run, and the bound name to set first (a <c>for</c> or <c>let</c> variable; slot -1 for none).</summary>
    private readonly record struct Item(Stmt Stmt, int Slot, SmtValue? Value);
}

/// <summary>An encoding that would be too large to give the solver; the goal it serves is unknown, with this reason.</summary>
public sealed class EncodingTooLargeException(string message) : Exception(message);
