using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Explicit;
using HvModel.Symbolic.Engines;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// The symbolic engines against the explicit one on the Hyper-V model: same verdicts, and
/// BMC's counterexamples as short as breadth-first search's.
/// </summary>
public class FlagshipCrossCheckTests
{
    // A safety net for a whole engine run (--timeout bounds the whole run, not each query);
    // pdr on one variant takes about 5 s alone on 2 cores, much more on a loaded machine.
    private static readonly CheckOptions Options = new() { Depth = 12, Timeout = TimeSpan.FromSeconds(600) };

    private static Model Flagship()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "HvModel.sln")))
        {
            dir = dir.Parent;
        }

        return ModelLoader.Load(new FileSourceResolver(), Path.Combine(dir.FullName, "properties", "hv-pci-msi.hvp"));
    }

    private static IReadOnlyList<CheckResult> Run(IEngine engine, Model model, string variant) =>
        engine.Check(model, model.GetVariant(variant), model.Properties, Options with { CheckDeadlock = false });

    [Fact]
    public void Bmc_finds_every_pre_counterexample_at_the_breadth_first_depth()
    {
        var model = Flagship();
        var explicitResults = Run(new ExplicitEngine(), model, "pre");
        var bmcResults = Run(new BmcEngine(), model, "pre");

        foreach (var e in explicitResults.Where(r => r.Trace is not null))
        {
            var b = bmcResults.Single(r => r.Property == e.Property);
            Assert.True(e.Verdict == b.Verdict, $"{e.Property}: explicit {e.Verdict}, bmc {b.Verdict} ({b.Reason})");
            Assert.Equal(e.Trace!.Length, b.Trace!.Length);
        }
    }

    [Theory]
    [InlineData("pre")]
    [InlineData("v3")]
    public void Pdr_gives_the_explicit_verdicts(string variant)
    {
        var model = Flagship();
        var explicitResults = Run(new ExplicitEngine(), model, variant);
        var pdrResults = Run(new PdrEngine(), model, variant);

        foreach (var p in pdrResults)
        {
            var e = explicitResults.Single(r => r.Property == p.Property);
            Assert.True(e.Verdict == p.Verdict, $"{p.Property}: explicit {e.Verdict}, pdr {p.Verdict} ({p.Reason})");
            Assert.Equal(model.Expected(variant, p.Property), p.Verdict);
            if (p.Trace is not null)
            {
                Assert.Equal(e.Trace!.Length, p.Trace.Length);
            }
        }

        // v3's invariants all hold: one invariant proves them at once (35 s one by one, 4 s at once).
        if (variant == "v3")
        {
            Assert.All(pdrResults.Where(r => r.Kind == PropertyKind.Invariant), r => Assert.StartsWith("pdr invariant of ", r.Certificate));
        }
    }
}
