using System.Text.Json;
using HvModel.Core.Checking;
using HvModel.Explicit;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Explicit;

/// <summary>
/// <c>--fingerprint</c>: states kept as 64-bit fingerprints give the run that stored states
/// give (no collision is expected among thousands of states), with one thread or several; the
/// packed states are released level by level; and a verdict that rests on having seen every
/// state carries the probability of a collision, in text and JSON, with exit 0.
/// </summary>
public sealed class FingerprintTests
{
    public static TheoryData<string, string, bool, long> Flagship() => new()
    {
        { "3x3", "v3", true, 0 },
        { "3x2", "pre", false, 0 },
        { "3x3", "b_only", true, 0 },
        { "3x3", "b_only", false, 60_000 },
    };

    [Theory]
    [MemberData(nameof(Flagship))]
    public void Fingerprints_give_the_flagships_run_of_stored_states(string size, string variant, bool symmetry, long maxStates)
    {
        var model = Check.LoadFile("model/hv-pci-msi.hvm", new() { ["CPUS"] = size[..1], ["IRQS"] = size[2..] });
        var options = new CheckOptions { Symmetry = symmetry, MaxStates = maxStates == 0 ? 50_000_000 : maxStates };
        var stored = SearchOutcome.Run(model, variant, options, workers: 1, out var exact);
        Assert.Equal(stored, SearchOutcome.Run(model, variant, options with { Fingerprints = true }, workers: 1, out var fingerprinted));
        Assert.Equal(stored, SearchOutcome.Run(model, variant, options with { Fingerprints = true }, workers: 3, out _));
        Assert.Null(exact.CollisionProbability);
        Assert.Equal(fingerprinted.States * (fingerprinted.States - 1.0) / Math.Pow(2, 65), fingerprinted.CollisionProbability);
    }

    public static TheoryData<ulong> Seeds() => Check.Seeds(40);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Fingerprints_give_a_generated_models_run_of_stored_states(ulong seed)
    {
        var model = Check.Hostile(seed);
        foreach (var variant in model.Variants)
        {
            var options = new CheckOptions { MaxStates = 3000 };
            Assert.Equal(SearchOutcome.Of(model, variant.Name, options, 1), SearchOutcome.Of(model, variant.Name, options with { Fingerprints = true }, 3));
        }
    }

    [Fact]
    public void Only_the_states_not_yet_expanded_are_kept_whole()
    {
        var store = new StateStore(words: 3, fingerprints: true);
        for (var i = 0UL; i < 5000; i++)
        {
            store.Add([i, i * 7, ~i], -1, out var added);
            Assert.True(added);
        }

        store.Release(4000);
        Assert.Equal([4321UL, 4321UL * 7, ~4321UL], store.Get(4321).ToArray());
        Assert.Throws<InvalidOperationException>(() => store.Get(3999).ToArray());

        // Released states are still known by their fingerprints, and stay where they were.
        Assert.Equal(17, store.Find([17UL, 17 * 7, ~17UL]));
        Assert.True(store.Holds(17, [17UL, 17 * 7, ~17UL]));
        Assert.False(store.Holds(17, [18UL, 18 * 7, ~18UL]));
        store.Add([17UL, 17 * 7, ~17UL], -1, out var again);
        Assert.False(again);

        var exact = new StateStore(words: 3);
        for (var i = 0UL; i < 5000; i++)
        {
            exact.Add([i, i * 7, ~i], -1, out _);
        }

        Assert.True(store.BytesPerState < exact.BytesPerState - 8, $"fingerprints take {store.BytesPerState:0.0} bytes a state, stored states {exact.BytesPerState:0.0}");
    }

    [Fact]
    public void A_verdict_that_rests_on_every_state_carries_the_collision_probability()
    {
        var text = CliProcess.Run("check", "--const", "CPUS=3", "--const", "IRQS=2", "--variant", "v3", "--variant", "pre", "--fingerprint");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("states as 64-bit fingerprints", text.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"v3 / no_stuck_mask: holds \(fingerprints, collision probability \d\.\de-\d\d\)", text.Stdout);

        var json = CliProcess.Run("check", "--const", "CPUS=3", "--const", "IRQS=2", "--variant", "v3", "--variant", "pre", "--fingerprint", "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        var holds = results.Single(r => r.GetProperty("variant").GetString() == "v3" && r.GetProperty("property").GetString() == "no_stuck_mask");
        var n = holds.GetProperty("states").GetDouble();
        Assert.Equal(n * (n - 1) / Math.Pow(2, 65), holds.GetProperty("collision_probability").GetDouble(), 1e-25);

        // A violation comes with a replayed trace: it is certain, and says no probability.
        var violated = results.First(r => r.GetProperty("verdict").GetString() == "violated");
        Assert.False(violated.TryGetProperty("collision_probability", out _));
        Assert.True(doc.RootElement.GetProperty("settings").GetProperty("collision_probability").GetDouble() >= n * (n - 1) / Math.Pow(2, 65));

        // Without the option, no word of fingerprints.
        var plain = CliProcess.Run("check", "--const", "CPUS=3", "--const", "IRQS=2", "--variant", "v3", "--format", "json");
        Assert.DoesNotContain("collision", plain.Stdout, StringComparison.Ordinal);
    }
}
