using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Symbolic.Engines;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// BMC, k-induction and PDR against a breadth-first search over the reference semantics: same
/// verdict, and the same (shortest) counterexample or witness length.
/// </summary>
public sealed class EngineAgreementTests
{
    private static readonly CheckOptions Options = new() { Depth = 12, Timeout = TimeSpan.FromSeconds(120) };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, text) in Models)
        {
            var model = ModelLoader.LoadText(text);
            foreach (var v in model.Variants)
            {
                data.Add(name, v.Name);
            }
        }

        return data;
    }

    private static readonly (string Name, string Text)[] Models =
    [
        ("counter", TestModels.Counter),
        ("mutex", TestModels.Mutex),
        ("jugs", TestModels.Jugs),
        ("slots", TestModels.Slots),
        ("blocks", TestModels.Blocks),
    ];

    private static Model Load(string name) => ModelLoader.LoadText(Models.First(m => m.Name == name).Text);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bmc_agrees_with_breadth_first_search(string name, string variant)
    {
        var model = Load(name);
        var v = model.GetVariant(variant);
        var results = new BmcEngine().Check(model, v, model.Properties, Options);
        foreach (var (p, r) in model.Properties.Zip(results))
        {
            var hit = ExplicitOracle.ShortestHit(model, v, p);
            if (hit is { } d && d <= Options.Depth)
            {
                Assert.True(Reached(p) == r.Verdict, $"{p.Name}: {r.Verdict} {r.Reason}");
                Assert.Equal(d, r.Trace!.Length);
            }
            else if (r.Verdict == Verdict.Unknown)
            {
                Assert.Contains("up to depth", r.Reason);
            }
            else
            {
                // Decided by the completeness threshold: only when no path reaches the target.
                Assert.True(hit is null, $"{p.Name}: {r.Verdict} but reachable at {hit}");
                Assert.Equal(Unreached(p), r.Verdict);
                Assert.Contains("complete at depth", r.Reason);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pdr_proves_or_refutes_like_breadth_first_search(string name, string variant) =>
        AssertPdrAgrees(new PdrEngine(), name, variant);

    // Spacer alone (no BMC half racing it): its own refutations, and the path found after them.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Spacer_alone_proves_or_refutes_like_breadth_first_search(string name, string variant) =>
        AssertPdrAgrees(new PdrEngine(portfolio: false), name, variant);

    private static void AssertPdrAgrees(PdrEngine engine, string name, string variant)
    {
        var model = Load(name);
        var v = model.GetVariant(variant);
        var results = engine.Check(model, v, model.Properties, Options with { ShowInvariant = true });
        foreach (var (p, r) in model.Properties.Zip(results))
        {
            var hit = ExplicitOracle.ShortestHit(model, v, p);
            if (hit is { } d)
            {
                Assert.True(Reached(p) == r.Verdict, $"{p.Name}: {r.Verdict} {r.Reason}");
                Assert.Equal(d, r.Trace!.Length);
            }
            else
            {
                Assert.True(Unreached(p) == r.Verdict, $"{p.Name}: {r.Verdict} {r.Reason}");
                if (p.Kind == PropertyKind.Invariant)
                {
                    Assert.Contains("invariant", r.Reason);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kind_proves_or_refutes_like_breadth_first_search(string name, string variant)
    {
        var model = Load(name);
        var v = model.GetVariant(variant);
        var results = new KInductionEngine().Check(model, v, model.Properties, Options);
        foreach (var (p, r) in model.Properties.Zip(results))
        {
            var hit = ExplicitOracle.ShortestHit(model, v, p);
            if (hit is { } d && d <= Options.Depth)
            {
                Assert.True(Reached(p) == r.Verdict, $"{p.Name}: {r.Verdict} {r.Reason}");
                Assert.Equal(d, r.Trace!.Length);
            }
            else if (r.Verdict != Verdict.Unknown)
            {
                Assert.True(hit is null, $"{p.Name}: {r.Verdict} but reachable at {hit}");
                Assert.Equal(Unreached(p), r.Verdict);
            }
        }
    }

    [Fact]
    public void Mutex_fix_is_proved_and_bug_refuted_by_every_engine()
    {
        var model = Load("mutex");
        var exclusive = new[] { model.GetProperty("exclusive") };
        foreach (IEngine engine in new IEngine[] { new BmcEngine(), new KInductionEngine(), new PdrEngine(), new PdrEngine(portfolio: false) })
        {
            var buggy = engine.Check(model, model.GetVariant("buggy"), exclusive, Options)[0];
            Assert.Equal(Verdict.Violated, buggy.Verdict);
            Assert.Equal(4, buggy.Trace!.Length);
            Assert.Contains("takes the lock", buggy.Trace.Steps[^1].Notes);
            var fixedResult = engine.Check(model, model.GetVariant("fixed"), exclusive, Options)[0];
            Assert.Equal(Verdict.Holds, fixedResult.Verdict);
        }
    }

    private static Verdict Reached(PropertyDef p) => p.Kind == PropertyKind.Invariant ? Verdict.Violated : Verdict.Holds;

    private static Verdict Unreached(PropertyDef p) => p.Kind == PropertyKind.Invariant ? Verdict.Holds : Verdict.Violated;
}
