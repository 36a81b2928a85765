using System.Text.RegularExpressions;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit;
using HvModel.Export.Promela;
using HvModel.TestSupport.Generation;

namespace HvModel.Tests.Export;

/// <summary>
/// The Promela exporter against SPIN: the exported transition system must have exactly the
/// states HvModel's explicit engine finds without symmetry. A difference is a bug in the
/// exporter or in the engine. (The full campaign, every flagship variant at 2x2, 3x3 and 4x2,
/// is bench/spin-states.sh.)
/// </summary>
public sealed partial class PromelaExportTests
{
    [Theory]
    [InlineData("tests/models/export/abort_paths.hvm")]
    [InlineData("tests/models/export/operators.hvm")]
    [InlineData("tests/models/export/self_index.hvm")]
    [InlineData("tests/models/export/negations.hvm")]
    [InlineData("tests/models/export/wide_step.hvm")]
    [InlineData("tests/models/holds/tokens.hvm")]
    [InlineData("bench/models/classic/filter.hvm")]
    [InlineData("bench/models/classic/szymanski.hvm")]
    [InlineData("bench/models/classic/philosophers.hvm")]
    public void State_count_equals_spins(string path)
    {
        var model = Check.LoadFile(path);
        AssertSameStates(model, model.Variants[0]);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with_wide")]
    public void Split_choices_state_count_equals_spins(string variant)
    {
        var model = Check.LoadFile("tests/models/export/choices.hvm");
        AssertSameStates(model, model.GetVariant(variant));
    }

    [Fact]
    public void Flagship_v3_state_count_equals_spins()
    {
        var model = Check.LoadFile("properties/hv-pci-msi.hvp");
        AssertSameStates(model, model.GetVariant("v3"));
    }

    [Fact]
    public void Generated_models_state_counts_equal_spins()
    {
        // Every construct of the language, folded wherever it can be: each generated model
        // whose whole search meets no model error is compared.
        var compared = 0;
        for (var seed = 1UL; seed <= 16; seed++)
        {
            var generated = ModelGenerator.Default.FromSeed(seed);
            var model = Check.Load(generated.Text);
            var variant = model.Variants[^1];
            var engine = new ExplicitEngine();
            try
            {
                engine.Check(model, variant, [], new CheckOptions { Symmetry = false, Exhaustive = true });
            }
            catch (ModelRuntimeFailure)
            {
                continue; // pan would stop on its own error there, or compute on
            }

            var spin = SpinOracle.CountStates(PromelaExporter.Export(model, variant, "test"));
            Assert.True(engine.LastStats!.States == spin, $"seed {seed}: hvmodel {engine.LastStats.States}, spin {spin}\n{generated.Text}");
            compared++;
        }

        Assert.True(compared >= 8, $"only {compared} of 16 generated models explored whole");
    }

    [Fact]
    public void An_any_without_candidate_undoes_the_step()
    {
        var model = Check.LoadFile("tests/models/export/abort_paths.hvm");
        var text = PromelaExporter.Export(model, model.Variants[0], "test");
        Assert.Contains("shadow_x = x;", text);
        Assert.Contains("x = shadow_x;", text);
    }

    [Fact]
    public void Only_what_a_step_wrote_before_it_may_abort_is_copied()
    {
        // bump: x := x + 1, then the choice that may have no candidate, then y := v.
        var model = Check.LoadFile("tests/models/export/abort_paths.hvm");
        var text = PromelaExporter.Export(model, model.Variants[0], "test");
        Assert.DoesNotContain("shadow_y", text);
        Assert.DoesNotContain("shadow_seen", text);
    }

    [Theory]
    [InlineData("plain", 2)]      // v = 0 only (its branch is dead), w = 2 or 3 (w = 1 fails its condition)
    [InlineData("with_wide", 6)]  // every v, w = 2 or 3
    public void A_combination_of_choices_that_never_makes_a_successor_is_not_written(string variant, int steps)
    {
        var model = Check.LoadFile("tests/models/export/choices.hvm");
        var text = PromelaExporter.Export(model, model.GetVariant(variant), "test");
        Assert.Equal(steps, Regex.Count(text, @":: d_step \{ /\* dead,"));
    }

    [Fact]
    public void Choices_on_both_sides_of_an_if_make_one_step_per_choice_not_per_pair()
    {
        // 'both' chooses v (3 values) in one branch and w (3) in the other: the combinations
        // whose unreached choice is not at its first value would repeat a successor.
        var model = Check.LoadFile("tests/models/export/choices.hvm");
        var text = PromelaExporter.Export(model, model.GetVariant("plain"), "test");
        Assert.Equal(5, Regex.Count(text, @":: d_step \{ /\* both,"));
    }

    [Fact]
    public void The_flagship_export_keeps_no_branch_known_while_writing()
    {
        // Before the folding: 7.1 MB at 3x3, with branches like 'if :: (0 == 1) -> ...'.
        var model = Check.LoadFile("properties/hv-pci-msi.hvp", new() { ["CPUS"] = "3", ["IRQS"] = "3" });
        var v3 = model.GetVariant("v3");
        var text = PromelaExporter.Export(model, v3, "test", [model.Properties.Single(p => p.Name == "no_stuck_mask")]);
        Assert.DoesNotMatch(LiteralComparison(), text);

        // The init block's choices are nondeterministic branches (':: true ->'); the actions' are fixed.
        Assert.DoesNotMatch(KnownBranch(), text[text.IndexOf("\n  do\n", StringComparison.Ordinal)..]);
        Assert.True(text.Length < 800_000, $"{text.Length} characters"); // 556 KB; 1.2 MB with every abort a jump
    }

    [Fact]
    public void A_choice_condition_on_what_the_step_has_not_written_moves_into_the_guard()
    {
        // set_affinity fixes affinity[i][c] for every c, then chooses an online CPU, then (in
        // pick_target) one of the affinity that is online: affinity is known where it is read,
        // online is never written, so every condition is the guard's and nothing is undone.
        var model = Check.LoadFile("properties/hv-pci-msi.hvp");
        var text = PromelaExporter.Export(model, model.GetVariant("v3"), "test");
        var steps = Regex.Split(text, @"(?=  :: d_step)").Where(s => s.Contains("set_affinity", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, s => Assert.DoesNotContain("goto abort", s, StringComparison.Ordinal));
        Assert.All(steps, s => Assert.Contains("online[", s.Split('\n')[1], StringComparison.Ordinal));
    }

    [Fact]
    public void What_a_combination_that_never_makes_a_successor_knew_is_forgotten_before_the_next_guard()
    {
        // a's combination k = true is never written: its choice stands in a branch that x = 2
        // (known after 'x := 2') rules out. Its writer stopped there knowing x = 2, and once
        // kept that for b's guard, which it then folded to false: SPIN lost b. Found by the
        // liveness oracle (bench/spin-liveness.sh, generated model 149).
        var model = Check.Load("""
            var x: 0 .. 2 = 0
            action a do
              x := 2
              if x = 0 then any k: bool do x := 1 end end
            end
            action b when x = 0 do x := 1 end
            invariant in_range: x <= 2
            """);

        AssertSameStates(model, model.Variants[0]);
    }

    private static void AssertSameStates(Model model, Variant variant)
    {
        var engine = new ExplicitEngine();
        var results = engine.Check(model, variant, [.. model.Properties.Where(p => p.Kind == PropertyKind.Invariant)], new CheckOptions { Symmetry = false });
        Assert.All(results, r => Assert.NotEqual(Verdict.Unknown, r.Verdict));
        Assert.Contains(results, r => r.Verdict == Verdict.Holds); // so the search was exhaustive
        var spin = SpinOracle.CountStates(PromelaExporter.Export(model, variant, "test"));
        Assert.Equal(engine.LastStats!.States, spin);
    }

    // A comparison of two literals, as '(0 == 1)' or '((-1) < 2)'.
    [GeneratedRegex(@"\((\(-)?\d+\)? (==|!=|<|<=|>|>=) (\(-)?\d+\)?\)")]
    private static partial Regex LiteralComparison();

    // A branch guarded by a literal (':: 0 ->', ':: (1) ->', 'if :: true -> skip').
    [GeneratedRegex(@":: \(?(\d+|true|false)\)? ->")]
    private static partial Regex KnownBranch();
}
