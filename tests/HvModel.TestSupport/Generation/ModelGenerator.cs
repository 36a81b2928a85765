using CsCheck;

namespace HvModel.TestSupport.Generation;

/// <summary>
/// CsCheck generator of well-typed HvModel models (see <see cref="ModelWriter"/> for what they
/// contain), small enough that every engine checks one in milliseconds. Each model is identified
/// by a 64-bit seed: <see cref="FromSeed"/> regenerates it, which is how failures are replayed
/// (the seed is in <see cref="GeneratedModel"/>'s text and file name). Its CsCheck size is the
/// length of the text, so CsCheck's shrinking looks for shorter failing models.
/// </summary>
/// <example>
/// <code>
/// Check.Sample(ModelGenerator.Default, m => { var model = ModelLoader.LoadText(m.Text, m.FileName); ... });
/// var replay = ModelGenerator.Default.FromSeed(1234);
/// </code>
/// </example>
public sealed class ModelGenerator(GeneratorSettings settings) : Gen<GeneratedModel>
{
    /// <summary>Up to 4,096 states: explicit with and without symmetry, bmc.</summary>
    public static ModelGenerator Default { get; } = new(GeneratorSettings.Default);

    /// <summary>Up to 256 states and shallow expressions: k-induction and pdr.</summary>
    public static ModelGenerator Small { get; } = new(GeneratorSettings.Small);

    public GeneratorSettings Settings { get; } = settings;

    public override GeneratedModel Generate(PCG pcg, Size? min, out Size size)
    {
        var model = FromSeed(pcg.Next64());
        size = new Size((ulong)model.Text.Length);
        return model;
    }

    /// <summary>Models shaped for the symmetry reduction: see <see cref="GeneratorSettings.Symmetric"/>.</summary>
    public static ModelGenerator Symmetric { get; } = new(GeneratorSettings.Symmetric);

    /// <summary>Models that meet model errors often: see <see cref="GeneratorSettings.Hostile"/>.</summary>
    public static ModelGenerator Hostile { get; } = new(GeneratorSettings.Hostile);

    /// <summary>Models with liveness properties and fairness: see <see cref="GeneratorSettings.Liveness"/>.</summary>
    public static ModelGenerator Liveness { get; } = new(GeneratorSettings.Liveness);

    /// <summary>The model of this seed (deterministic: the same seed, settings and code give the same text).</summary>
    public GeneratedModel FromSeed(ulong seed)
    {
        var choose = new Choices(new PCG(7, seed));
        return new(seed, Settings.Shape == ModelShape.Symmetric ? new SymmetricModelWriter(choose).Write() : new ModelWriter(choose, Settings).Write());
    }

    /// <summary>
    /// A model whose properties are random expressions over every kind of name (for testing a
    /// translation of expressions): cover <c>p{i}</c> is a bool expression for even i and
    /// <c>(int expression) = 0</c> for odd i. Its variables have no initial value.
    /// </summary>
    public static string ExpressionModel(ulong seed, int count, int depth)
    {
        var choose = new Choices(new PCG(11, seed));
        var scope = new Scope();
        var e = new EnumType("E", ["ea", "eb", "ec"]);
        var s = new ScalarsetType("S", 2);
        var i = new RangeType("I", 0, 2);
        scope.FiniteTypes.AddRange([new BoolType(), i, e, s]);
        scope.Variables.AddRange([
            ("b", new BoolType()), ("c", new BoolType()), ("x", new RangeType("R", -2, 3)), ("y", new RangeType("0 .. 4", 0, 4)),
            ("e", e), ("t", s), ("a", new ArrayType(i, new RangeType("0 .. 4", 0, 4))), ("f", new ArrayType(s, new BoolType())),
            ("m", new ArrayType(i, new ArrayType(new BoolType(), new RangeType("R", -2, 3)))), ("g", new ArrayType(e, s)),
        ]);
        scope.Hunks.AddRange(["h1", "h2"]);
        scope.Constants.Add(("K", 2));
        var text = new System.Text.StringBuilder("""
            model exprs
            const K = 2
            type R = -2 .. 3
            type I = 0 .. 2
            enum E { ea, eb, ec }
            type S = scalarset(2)
            var b: bool
            var c: bool
            var x: R
            var y: 0 .. 4
            var e: E
            var t: S
            var a: array[I] of 0 .. 4
            var f: array[S] of bool
            var m: array[I] of array[bool] of R
            var g: array[E] of S
            hunk h1
            hunk h2
            variant v = { h1 }
            def d0(p: I) = a[p] > 1
            """ + "\n");
        scope.Definitions.Add(("d0", [i]));
        var writer = new ExpressionWriter(choose, scope) { WildIndexPercent = 25 };
        for (var n = 0; n < count; n++)
        {
            text.AppendLine(n % 2 == 0 ? $"cover p{n}: {writer.Bool(depth)}" : $"cover p{n}: ({writer.Int(depth)}) = 0");
        }

        return text.ToString();
    }
}
