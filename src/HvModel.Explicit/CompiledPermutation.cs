using System.Linq.Expressions;
using static System.Linq.Expressions.Expression;

namespace HvModel.Explicit;

/// <summary>
/// The image of a state under a permutation of the interchangeable members, compiled once per
/// model into straight-line code (System.Linq.Expressions): every slot's destination is its
/// constant base plus, for each permuted index on its path, the member's new place times a
/// constant stride; a slot that holds a member is renamed. The same function as
/// <see cref="SymmetryLayout.Destination"/> applied slot by slot, without reading the layout's
/// tables for every slot of every state.
/// </summary>
internal static class CompiledPermutation
{
    /// <summary>(state, image, perm): writes the image of state into image, perm[k][m] being member m of set k's new ordinal.</summary>
    public static Action<int[], int[], int[][]> Compile(SymmetryLayout layout)
    {
        var state = Parameter(typeof(int[]), "state");
        var image = Parameter(typeof(int[]), "image");
        var perm = Parameter(typeof(int[][]), "perm");
        var body = new List<Expression>();
        var locals = new List<ParameterExpression>();

        // perm[k] once, and perm[k][m] once for each member a path names.
        var sets = new ParameterExpression[layout.Sets.Length];
        for (var k = 0; k < sets.Length; k++)
        {
            sets[k] = Variable(typeof(int[]), $"p{k}");
            locals.Add(sets[k]);
            body.Add(Assign(sets[k], ArrayIndex(perm, Constant(k))));
        }

        var places = new Dictionary<(int Set, int Member), ParameterExpression>();
        ParameterExpression Place(int set, int member)
        {
            if (!places.TryGetValue((set, member), out var place))
            {
                place = Variable(typeof(int), $"p{set}_{member}");
                places[(set, member)] = place;
                locals.Add(place);
                body.Add(Assign(place, ArrayIndex(sets[set], Constant(member))));
            }

            return place;
        }

        var writes = new List<Expression>();
        for (var s = 0; s < layout.SlotCount; s++)
        {
            Expression destination = Constant(layout.Base[s]);
            for (var c = layout.CompStart[s]; c < layout.CompStart[s + 1]; c++)
            {
                destination = Add(destination, Multiply(Place(layout.CompSet[c], layout.CompOrd[c]), Constant(layout.CompStride[c])));
            }

            Expression value = ArrayIndex(state, Constant(s));
            if (layout.ValueSet[s] is var vs and >= 0)
            {
                value = ArrayIndex(sets[vs], value);
            }

            writes.Add(Assign(ArrayAccess(image, destination), value));
        }

        body.AddRange(writes);
        return Lambda<Action<int[], int[], int[][]>>(Block(locals, body), "permute", [state, image, perm]).Compile();
    }

    /// <summary>
    /// (state, perm): true when the permutation maps the state onto itself, slot by slot, false
    /// at the first slot whose image differs (the check that tied members are interchangeable).
    /// </summary>
    public static Func<int[], int[][], bool> CompileFixes(SymmetryLayout layout)
    {
        var state = Parameter(typeof(int[]), "state");
        var perm = Parameter(typeof(int[][]), "perm");
        var differs = Label(typeof(bool), "differs");
        var body = new List<Expression>();
        var sets = new ParameterExpression[layout.Sets.Length];
        for (var k = 0; k < sets.Length; k++)
        {
            sets[k] = Variable(typeof(int[]), $"p{k}");
            body.Add(Assign(sets[k], ArrayIndex(perm, Constant(k))));
        }

        for (var s = 0; s < layout.SlotCount; s++)
        {
            Expression destination = Constant(layout.Base[s]);
            for (var c = layout.CompStart[s]; c < layout.CompStart[s + 1]; c++)
            {
                destination = Add(destination, Multiply(ArrayIndex(sets[layout.CompSet[c]], Constant(layout.CompOrd[c])), Constant(layout.CompStride[c])));
            }

            Expression value = ArrayIndex(state, Constant(s));
            if (layout.ValueSet[s] is var vs and >= 0)
            {
                value = ArrayIndex(sets[vs], value);
            }

            body.Add(IfThen(NotEqual(ArrayIndex(state, destination), value), Return(differs, Constant(false))));
        }

        body.Add(Label(differs, Constant(true)));
        return Lambda<Func<int[], int[][], bool>>(Block(sets, body), "fixes", [state, perm]).Compile();
    }
}
