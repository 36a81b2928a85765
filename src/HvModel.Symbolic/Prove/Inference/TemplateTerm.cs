using HvModel.Core.Ir;

namespace HvModel.Symbolic.Prove.Inference;

/// <summary>
/// A term of the template grammar: a quantified variable, a constant (a distinguished member,
/// an enum member or number used as an index), or a state variable at such arguments. Evaluated
/// on a concrete state of some size, and written as an SMT term over a named state.
/// </summary>
public abstract record TemplateTerm
{
    /// <summary>The type of its values.</summary>
    public abstract ScalarType Type { get; }

    /// <summary>
    /// Its evaluator over the states of <paramref name="model"/> (a configuration: slots depend
    /// on the sizes it was bound with): the value in a state with quantified variable k at
    /// assignment[k].
    /// </summary>
    public abstract Func<int[], int[], int> Compile(Model model);

    /// <summary>The SMT term over the state named <paramref name="prefix"/>.</summary>
    public abstract string Smt(string prefix);

    /// <summary>The quantified variables it mentions.</summary>
    public abstract IEnumerable<QuantVar> Vars();
}

/// <summary>Quantified variable number <paramref name="Index"/> (in the assignment) of a scalarset; Ordinal counts within its sort (1, 2).</summary>
public sealed record QuantVar(int Index, ScalarsetType Sort, int Ordinal) : TemplateTerm
{
    public override ScalarType Type => Sort;

    public string Name => $"v!{Sort.Name}!{Ordinal}";

    public override Func<int[], int[], int> Compile(Model model)
    {
        var k = Index;
        return (_, assignment) => assignment[k];
    }

    public override string Smt(string prefix) => Name;

    public override IEnumerable<QuantVar> Vars() => [this];
}

public sealed record ConstTerm(ScalarType ValueType, int Value) : TemplateTerm
{
    public override ScalarType Type => ValueType;

    public override Func<int[], int[], int> Compile(Model model)
    {
        var v = Value;
        return (_, _) => v;
    }

    public override string Smt(string prefix) => ProveVocabulary.Literal(ValueType, Value);

    public override IEnumerable<QuantVar> Vars() => [];
}

/// <summary>A state variable at its arguments, outermost index first.</summary>
public sealed record StateTerm(StateVar Var, IReadOnlyList<TemplateTerm> Args) : TemplateTerm
{
    public override ScalarType Type => ProveVocabulary.ElementType(Var);

    public override Func<int[], int[], int> Compile(Model model)
    {
        var (first, all) = Layout(model);
        if (all.Length == 0)
        {
            return (state, _) => state[first];
        }

        return (state, assignment) =>
        {
            var slot = first;
            foreach (var (arg, index, stride) in all)
            {
                slot += index.OrdinalOf(arg(state, assignment)) * stride;
            }

            return state[slot];
        };
    }

    /// <summary>The state slot it names in <paramref name="model"/> when quantified variable k is assignment[k].</summary>
    public int SlotAt(Model model, int[] assignment)
    {
        var (slot, all) = Layout(model);
        foreach (var (arg, index, stride) in all)
        {
            // The arguments are variables and constants: no state is read.
            slot += index.OrdinalOf(arg([], assignment)) * stride;
        }

        return slot;
    }

    // The variable's first slot, and per argument its evaluator, index type and stride.
    private (int First, (Func<int[], int[], int> Arg, ScalarType Index, int Stride)[] Parts) Layout(Model model)
    {
        var v = model.Vars.First(x => x.Name == Var.Name);
        var type = v.Type;
        var parts = new List<(Func<int[], int[], int> Arg, ScalarType Index, int Stride)>();
        foreach (var arg in Args)
        {
            var array = (ArrayType)type;
            parts.Add((arg.Compile(model), array.Index, Types.SlotCount(array.Element)));
            type = array.Element;
        }

        return (v.FirstSlot, [.. parts]);
    }

    public override string Smt(string prefix)
    {
        var name = ProveVocabulary.StateFunction(prefix, Var);
        return Args.Count == 0 ? name : $"({name} {string.Join(' ', Args.Select(a => a.Smt(prefix)))})";
    }

    public override IEnumerable<QuantVar> Vars() => Args.SelectMany(a => a.Vars());
}
