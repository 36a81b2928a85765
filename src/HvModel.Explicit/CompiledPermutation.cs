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
        var loads = new Loads();
        var forward = new Rows(loads, perm, layout.Sets.Length, "p");
        var backward = new Rows(loads, inverse, layout.Sets.Length, "q");

        Expression Value(int d)
        {
            Expression value = ArrayIndex(state, Place(layout, d, backward));
            return layout.ValueSet[d] is var vs and >= 0 ? ArrayIndex(forward.Row(vs), value) : value;
        }

        var words = CompiledPacker.Words(codec, Value);
        var body = loads.Body.Append(CompiledPacker.Assign(words, packed));
        return Lambda<Action<int[], int[][], int[][], ulong[]>>(Block(loads.Locals, body), "image", [state, perm, inverse, packed]).Compile();
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
        var loads = new Loads();
        var sets = new Rows(loads, perm, layout.Sets.Length, "p");
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

            Expression value = ArrayIndex(state, Constant(s));
            if (renamed)
            {
                value = ArrayIndex(sets.Row(layout.ValueSet[s]), value);
            }

            checks.Add(IfThen(NotEqual(ArrayIndex(state, Place(layout, s, sets)), value), Return(differs, Constant(false))));
        }

        var body = loads.Body.Concat(checks).Append(Label(differs, Constant(true)));
        return Lambda<Func<int[], int[][], bool>>(Block(loads.Locals, body), "fixes", [state, perm]).Compile();
    }

    /// <summary>
    /// Slot s's index when its permuted path members take the places <paramref name="members"/>
    /// gives: its constant base plus, for each, the member's place times a constant stride.
    /// </summary>
    private static Expression Place(SymmetryLayout layout, int s, Rows members)
    {
        Expression place = Constant(layout.Base[s]);
        for (var c = layout.CompStart[s]; c < layout.CompStart[s + 1]; c++)
        {
            place = Add(place, Multiply(members.Member(layout.CompSet[c], layout.CompOrd[c]), Constant(layout.CompStride[c])));
        }

        return place;
    }

    /// <summary>The locals of a compiled function and the loads that set them, which run first.</summary>
    private sealed class Loads
    {
        public List<ParameterExpression> Locals { get; } = [];

        public List<Expression> Body { get; } = [];

        public ParameterExpression Load(Expression value, Type type, string name)
        {
            var local = Variable(type, name);
            Locals.Add(local);
            Body.Add(Assign(local, value));
            return local;
        }
    }

    /// <summary>
    /// A permutation argument (int[][]: set, then member): each set's row loaded once, and each
    /// member's entry once, when code first asks for it.
    /// </summary>
    private sealed class Rows
    {
        private readonly Loads loads;
        private readonly string name;
        private readonly ParameterExpression[] rows;
        private readonly Dictionary<(int Set, int Member), ParameterExpression> members = [];

        public Rows(Loads loads, ParameterExpression argument, int sets, string name)
        {
            this.loads = loads;
            this.name = name;
            rows = [.. Enumerable.Range(0, sets).Select(k => loads.Load(ArrayIndex(argument, Constant(k)), typeof(int[]), $"{name}{k}"))];
        }

        public ParameterExpression Row(int set) => rows[set];

        public ParameterExpression Member(int set, int member)
        {
            if (!members.TryGetValue((set, member), out var local))
            {
                local = loads.Load(ArrayIndex(rows[set], Constant(member)), typeof(int), $"{name}{set}_{member}");
                members[(set, member)] = local;
            }

            return local;
        }
    }
}
