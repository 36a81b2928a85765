using HvModel.Core.Ir;

namespace HvModel.Symbolic.Prove;

/// <summary>The value of a state variable as a function of its index terms (none for a scalar).</summary>
public delegate string FunctionValue(IReadOnlyList<string> indices);

/// <summary>
/// A symbolic state of the parameterized model: every state variable as a function of its
/// indices. The functions of a named state apply its SMT functions (<c>(x.online c)</c>);
/// symbolic execution replaces them by updated ones (<c>ite</c> on the index written).
/// </summary>
public sealed class StateView
{
    private readonly Dictionary<StateVar, FunctionValue> values;

    private StateView(Dictionary<StateVar, FunctionValue> values)
    {
        this.values = values;
    }

    /// <summary>The state whose functions are named <c>PREFIX.var</c>.</summary>
    public static StateView Named(Model model, string prefix)
    {
        var values = new Dictionary<StateVar, FunctionValue>();
        foreach (var v in model.Vars)
        {
            values[v] = Apply(ProveVocabulary.StateFunction(prefix, v));
        }

        return new StateView(values);
    }

    /// <summary>The function that applies the SMT function <paramref name="name"/>.</summary>
    public static FunctionValue Apply(string name) =>
        args => args.Count == 0 ? name : $"({name} {string.Join(' ', args)})";

    public FunctionValue this[StateVar v]
    {
        get => values[v];
        set => values[v] = value;
    }

    public IEnumerable<StateVar> Vars => values.Keys;

    public StateView Clone() => new(new Dictionary<StateVar, FunctionValue>(values));
}
