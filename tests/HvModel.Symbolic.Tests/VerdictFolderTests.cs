using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit;
using HvModel.Symbolic.Engines;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// The test models say their verdict twice: by their folder (tests/models/holds: every property
/// holds, every cover is reached; tests/models/violated: something is violated or unreached) and
/// by their own expect table. Both must agree, the explicit engine must give exactly the table,
/// and bmc must find the same violations at the same lengths and none where the table says holds.
/// </summary>
public class VerdictFolderTests
{
    /// <summary>Deep enough for every violation of the test models (the longest is 6 steps).</summary>
    private const int BmcDepth = 10;

    public static TheoryData<string, string> Models()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { "holds", "violated" })
        {
            foreach (var f in Directory.GetFiles(Repo.Path("tests", "models", folder), "*.hvm").Order(StringComparer.Ordinal))
            {
                data.Add(folder, Path.GetFileName(f));
            }
        }

        return data;
    }

    private static Model Load(string folder, string file) => ModelLoader.LoadFile(Repo.Path("tests", "models", folder, file));

    [Theory]
    [MemberData(nameof(Models))]
    public void The_folder_agrees_with_the_models_expect_table(string folder, string file)
    {
        var model = Load(folder, file);

        Assert.True(model.Expectations.Count > 0, $"{file} has no expect table: write down the verdicts it must give");
        var properties = model.Expectations.Where(e => e.Key.Property != Model.DeadlockProperty).Select(e => e.Value).ToList();
        if (folder == "holds")
        {
            Assert.True(properties.All(v => v == Verdict.Holds), $"{file} is in holds/ but its expect table has a property that is not holds (or reached)");
        }
        else
        {
            Assert.True(model.Expectations.Values.Any(v => v == Verdict.Violated), $"{file} is in violated/ but its expect table violates nothing");
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_explicit_engine_gives_exactly_the_expect_table(string folder, string file)
    {
        var model = Load(folder, file);

        var results = CheckRunner.Run(model, new ExplicitEngine(), [], [], new CheckOptions());

        foreach (var ((variant, property), expected) in model.Expectations)
        {
            var r = results.Single(x => x.Variant == variant && x.Property == property);
            Assert.True(expected == r.Verdict, $"{file} {variant}/{property}: the table says {expected}, explicit gives {r.Verdict} ({r.Reason})");
        }

        Assert.Equal(0, CheckRunner.ExitCode(results));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Bmc_finds_the_same_violations_at_the_same_lengths_and_no_other(string folder, string file)
    {
        var model = Load(folder, file);
        var reference = CheckRunner.Run(model, new ExplicitEngine(), [], [], new CheckOptions());

        var bmc = CheckRunner.Run(model, new BmcEngine(), [], [], new CheckOptions { Depth = BmcDepth, Timeout = TimeSpan.FromMinutes(2) });

        foreach (var r in bmc.Where(r => r.Property != Model.DeadlockProperty))
        {
            var e = reference.Single(x => x.Variant == r.Variant && x.Property == r.Property);
            var hit = e.Kind == PropertyKind.Invariant ? Verdict.Violated : Verdict.Holds;
            var where = $"{file} {r.Variant}/{r.Property}";
            if (e.Verdict == hit && e.Trace!.Length <= BmcDepth)
            {
                Assert.True(r.Verdict == hit, $"{where}: explicit {e.Verdict} in {e.Trace!.Length} steps, bmc {r.Verdict} ({r.Reason})");
                Assert.Equal(e.Trace!.Length, r.Trace!.Length);
            }
            else
            {
                // bmc never says the opposite of a hit (nor of one beyond its depth): at most
                // "nothing up to the depth" (unknown).
                Assert.True(r.Verdict != hit, $"{where}: explicit {e.Verdict}, bmc {r.Verdict} in {r.Trace?.Length} steps");
            }
        }
    }
}
