using System.Text.Json;

namespace HvModel.Tests.Cli;

/// <summary>
/// prove --emit-lemmas writes the lemmas it inferred as lemma declarations; --lemmas adds them to
/// the model in any subcommand, where every engine checks them and kind proves them with the
/// properties at once (issue 24: kind seeded with proven lemmas).
/// </summary>
public sealed class LemmaFileCliTests : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("hvmodel-lemmas-");

    public void Dispose() => temp.Delete(true);

    // With hunk h, enter waits for the lock; without it, it does not (the lock is racy).
    private const string GuardedLock = """
        model guarded_lock
        const N: 1 .. 8 = 2
        type Proc = scalarset(N)
        enum Pc { idle, waiting, critical }
        hunk h "enter waits for the lock"
        variant racy = {} "no wait"
        variant waits = { h } "waits"
        var pc: array[Proc] of Pc = idle
        var locked: bool = false
        action request(p: Proc) when pc[p] = idle do pc[p] := waiting end
        action enter(p: Proc) when pc[p] = waiting and (!locked or !hunk h) do
          pc[p] := critical
          locked := true
        end
        action leave(p: Proc) when pc[p] = critical do
          pc[p] := idle
          locked := false
        end
        invariant exclusive "at most one process is critical":
          forall p: Proc . forall q: Proc . pc[p] = critical and pc[q] = critical -> p = q
        """;

    private static Dictionary<(string, string), string> Verdicts(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => (r.GetProperty("variant").GetString()!, r.GetProperty("property").GetString()!), r => r.GetProperty("verdict").GetString()!);

    [Fact]
    public void Kind_proves_with_the_lemmas_prove_emitted_at_a_k_where_it_cannot_without()
    {
        var lemmas = Path.Combine(temp.FullName, "lock-lemmas.hvm");
        var prove = CliProcess.Run("prove", "tests/models/prove/lock.hvm", "--emit-lemmas", lemmas);
        Assert.Equal(0, prove.ExitCode);
        Assert.Contains("lemma default_inferred_1 \"inferred by prove for default, for every size\": forall p: Proc . pc[p] = critical -> locked", File.ReadAllText(lemmas));

        // kind's own invariant generator is left out: the lemmas are what is measured.
        var without = CliProcess.Run("check", "tests/models/prove/lock.hvm", "--engine", "kind", "--depth", "1", "--no-deadlock", "--no-invariant-generation", "--format", "json");
        Assert.Equal("unknown", Verdicts(without.Stdout)[("default", "exclusive")]);
        Assert.Contains("\"invariant_generation\"", without.Stdout);

        var generated = CliProcess.Run("check", "tests/models/prove/lock.hvm", "--engine", "kind", "--depth", "1", "--no-deadlock");
        Assert.Equal(0, generated.ExitCode);
        Assert.Matches(@"proved: default / exclusive: proved by 1-induction,\s+strengthened\s+by\s+\d+\s+generated\s+invariants?", generated.Stdout);

        var with = CliProcess.Run("check", "tests/models/prove/lock.hvm", "--engine", "kind", "--depth", "1", "--no-deadlock", "--no-invariant-generation", "--lemmas", lemmas, "--format", "json");
        Assert.Equal(0, with.ExitCode);
        Assert.Equal("holds", Verdicts(with.Stdout)[("default", "exclusive")]);
        Assert.Equal("holds", Verdicts(with.Stdout)[("default", "default_inferred_1")]);
        Assert.Contains("1-induction of 2 goals at once", with.Stdout);
        Assert.Equal($"tests/models/prove/lock.hvm with --lemmas {lemmas}", JsonDocument.Parse(with.Stdout).RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public void A_variants_lemmas_are_guarded_by_its_hunks_and_hold_in_every_variant()
    {
        var model = Path.Combine(temp.FullName, "guarded.hvm");
        File.WriteAllText(model, GuardedLock);
        var lemmas = Path.Combine(temp.FullName, "guarded-lemmas.hvm");

        var prove = CliProcess.Run("prove", model, "--emit-lemmas", lemmas);

        Assert.Equal(1, prove.ExitCode); // racy's exclusive is not proved
        var text = File.ReadAllText(lemmas);
        Assert.Contains("-- variant racy: not every property was proved, no lemmas", text);
        Assert.Contains("lemma waits_inferred_", text);
        Assert.Contains(": (hunk h) -> (", text);
        var check = CliProcess.Run("check", model, "--lemmas", lemmas, "--format", "json");
        var verdicts = Verdicts(check.Stdout);
        Assert.Equal("violated", verdicts[("racy", "exclusive")]);
        Assert.All(verdicts.Where(v => v.Key.Item2.StartsWith("waits_", StringComparison.Ordinal)), v => Assert.Equal("holds", v.Value));
        Assert.Contains(verdicts.Keys, k => k.Item1 == "racy" && k.Item2.StartsWith("waits_", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_or_wrong_lemma_file_is_a_clear_error()
    {
        var missing = CliProcess.Run("check", "tests/models/prove/lock.hvm", "--lemmas", Path.Combine(temp.FullName, "none.hvm"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--lemmas: no such file", missing.Stderr);

        var bad = Path.Combine(temp.FullName, "bad.hvm");
        File.WriteAllText(bad, "lemma wrong \"why\": nosuch > 1\n");
        var wrong = CliProcess.Run("check", "tests/models/prove/lock.hvm", "--lemmas", bad);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains($"{bad}:1:20: error: unknown name 'nosuch'", wrong.Stderr);
        Assert.DoesNotContain("   at ", wrong.Stderr);
    }
}
