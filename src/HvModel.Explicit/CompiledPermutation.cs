using System.Linq.Expressions;
using HvModel.Core.Evaluation;
using HvModel.Explicit.Compiled;
using static System.Linq.Expressions.Expression;

namespace HvModel.Explicit;

/// <summary>
/// The image of a state under a permutation of the interchangeable members, compiled once per
/// model into straight-line code (System.Linq.Expressions): every slot's place is its constant
/// base plus, for each permuted index on its path, a member's place times a constant stride; a
/// slot that holds a member is renamed. Straight-line code, so that the layout's tables are
/// not read for every slot of every state.
/// </summary>
internal static class CompiledPermutation
{
    /// <summary>
    /// (state, perm, inverse, packed): packs the image of state under perm into packed, in the
    /// codec's layout, perm[k][m] being member m of set k's new ordinal and inverse its inverse.
    /// The image is gathered slot by slot in the packed order: slot d of the image is the slot
    /// whose permuted indices land on d's (found through the inverse), its value renamed when it
    /// holds a member. No unpacked image is written, and comparing two images is comparing words.
    /// </summary>
    public static Action<int[], int[][], int[][], ulong[]> CompileImage(SymmetryLayout layout, StateCodec codec)
    {
        var state = Parameter(typeof(int[]), "state");
        var perm = Parameter(typeof(int[][]), "perm");
        var inverse = Parameter(typeof(int[][]), "inverse");
        var packed = Parameter(typeof(ulong[]), "packed");
        var body = new List<Expression>();
        var locals = new List<ParameterExpression>();

        // perm[k] and inverse[k] once, and inverse[k][m] once for each member a path names.
        ParameterExpression[] Rows(ParameterExpression perms, string name)
        {
            var rows = new ParameterExpression[layout.Sets.Length];
            for (var k = 0; k < rows.Length; k++)
            {
                rows[k] = Variable(typeof(int[]), $"{name}{k}");
                locals.Add(rows[k]);
                body.Add(Assign(rows[k], ArrayIndex(perms, Constant(k))));
            }

            return rows;
        }

        var forward = Rows(perm, "p");
        var backward = Rows(inverse, "q");
        var sources = new Dictionary<(int Set, int Member), ParameterExpression>();
        ParameterExpression Source(int set, int member)
        {
            if (!sources.TryGetValue((set, member), out var source))
            {
                source = Variable(typeof(int), $"q{set}_{member}");
                sources[(set, member)] = source;
                locals.Add(source);
                body.Add(Assign(source, ArrayIndex(backward[set], Constant(member))));
            }

            return source;
        }

        Expression Value(int d)
        {
            Expression from = Constant(layout.Base[d]);
            for (var c = layout.CompStart[d]; c < layout.CompStart[d + 1]; c++)
            {
                from = Add(from, Multiply(Source(layout.CompSet[c], layout.CompOrd[c]), Constant(layout.CompStride[c])));
            }

            Expression value = ArrayIndex(state, from);
            return layout.ValueSet[d] is var vs and >= 0 ? ArrayIndex(forward[vs], value) : value;
        }

        var words = CompiledPacker.Words(codec, layout.SlotCount, Value);
        body.Add(CompiledPacker.Assign(words, packed));
        return Lambda<Action<int[], int[][], int[][], ulong[]>>(Block(locals, body), "image", [state, perm, inverse, packed]).Compile();
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
        var locals = new List<ParameterExpression>();
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

        var checks = new List<Expression>();
        for (var s = 0; s < layout.SlotCount; s++)
        {
            var moves = layout.CompStart[s + 1] > layout.CompStart[s];
            var renamed = layout.ValueSet[s] >= 0;
            if (!moves && !renamed)
            {
                // Neither moved nor renamed by any permutation: fixed in every state.
                continue;
            }

            Expression destination = Constant(layout.Base[s]);
            for (var c = layout.CompStart[s]; c < layout.CompStart[s + 1]; c++)
            {
                destination = Add(destination, Multiply(Place(layout.CompSet[c], layout.CompOrd[c]), Constant(layout.CompStride[c])));
            }

            Expression value = ArrayIndex(state, Constant(s));
            if (renamed)
            {
                value = ArrayIndex(sets[layout.ValueSet[s]], value);
            }

            checks.Add(IfThen(NotEqual(ArrayIndex(state, destination), value), Return(differs, Constant(false))));
        }

        body.AddRange(checks);
        body.Add(Label(differs, Constant(true)));
        return Lambda<Func<int[], int[][], bool>>(Block(locals, body), "fixes", [state, perm]).Compile();
    }
}
