using System.Text.Json;
using HvModel.Tests.Golden;

namespace HvModel.Tests.Review;

/// <summary>
/// <c>hvmodel review PATCH</c> on the seed mail (the maintainer's reply that applied
/// 915cff7f38c5 v3, committed byte for byte under tests/patches/) and on patches derived from it.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public class PatchReviewTests
{
    private const string Seed = "tests/patches/915cff7f38c5-v3-reply.txt";

    private static readonly string[] FixedByV3 = ["deliverable", "no_stuck_mask", "live_irte", "target_coherent", "no_spurious_error", "records_agree"];

    [Fact]
    public void The_seed_mail_is_v3_and_fixes_six_invariants_against_pre()
    {
        var (code, doc) = Review(Seed);

        Assert.Equal(0, code);
        Assert.Equal(["unmask_always", "quiet_when_removing", "restore_msi_state"], Implemented(doc, 0));
        Assert.Equal("v3", doc.GetProperty("variant").GetProperty("name").GetString());
        Assert.True(doc.GetProperty("variant").GetProperty("declared").GetBoolean());
        var verdicts = Verdicts(doc);
        Assert.All(FixedByV3, p => Assert.Equal(("violated", "holds"), verdicts[p]));
        Assert.Equal(("holds", "holds"), verdicts["no_send_on_closed"]);
        Assert.Empty(doc.GetProperty("patches")[0].GetProperty("uncaptured").EnumerateArray());
    }

    [Fact]
    public void Without_its_third_hunk_the_mail_is_a_only_and_four_invariants_stay_violated_with_their_stories()
    {
        var (code, doc) = Review("tests/patches/915cff7f38c5-v3-without-hunk3-reply.txt");
        var text = Words(InProcessCli.Run("review", "tests/patches/915cff7f38c5-v3-without-hunk3-reply.txt").Stdout);

        Assert.Equal(1, code);
        Assert.Equal(["unmask_always", "quiet_when_removing"], Implemented(doc, 0));
        Assert.Equal("a_only", doc.GetProperty("variant").GetProperty("name").GetString());
        var after = doc.GetProperty("patches")[0].GetProperty("verdicts");
        foreach (var p in new[] { "deliverable", "live_irte", "target_coherent", "records_agree" })
        {
            Assert.Equal("violated", after.GetProperty(p).GetString());
            Assert.Contains($"== pre / {p} replayed on a_only ==", text, StringComparison.Ordinal);
            Assert.Contains($"{p} still fails at its end in a_only", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_same_patch_as_a_plain_git_diff_reads_as_the_quoted_mail()
    {
        var (quotedCode, quoted) = Review(Seed);
        var (plainCode, plain) = Review("tests/patches/915cff7f38c5-v3.diff");

        Assert.Equal(quotedCode, plainCode);
        Assert.Equal(Implemented(quoted, 0), Implemented(plain, 0));
        Assert.Equal(Verdicts(quoted), Verdicts(plain));
        Assert.Equal(quoted.GetProperty("variant").GetRawText(), plain.GetProperty("variant").GetRawText());
    }

    [Fact]
    public void A_line_in_hv_irq_unmask_that_no_hunk_captures_is_flagged()
    {
        // On the fixed driver, so that no verdict but the flag decides the exit code.
        var (code, doc) = Review("tests/patches/unmask-extra-line.diff", "--base", "v3");
        var text = Words(InProcessCli.Run("review", "tests/patches/unmask-extra-line.diff", "--base", "v3").Stdout);

        Assert.Equal(4, code);
        var uncaptured = doc.GetProperty("patches")[0].GetProperty("uncaptured").EnumerateArray().ToList();
        Assert.Equal("hv_irq_unmask", Assert.Single(uncaptured).GetProperty("function").GetString());
        Assert.Contains("the patch changes hv_irq_unmask in a way the model does not capture", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patch_to_an_unrelated_file_touches_nothing_modelled()
    {
        var (code, doc) = Review("tests/patches/unrelated-file.diff", "--base", "v3");

        Assert.Equal(4, code);
        Assert.True(doc.GetProperty("patches")[0].GetProperty("touches_nothing_modelled").GetBoolean());
        Assert.NotEmpty(doc.GetProperty("patches")[0].GetProperty("uncovered").EnumerateArray());
    }

    [Fact]
    public void A_series_gives_the_verdicts_after_each_patch()
    {
        var (code, doc) = Review("tests/patches/series-unmask-then-restore.mbox");
        var patches = doc.GetProperty("patches").EnumerateArray().ToList();

        Assert.Equal(0, code);
        Assert.Equal(2, patches.Count);
        Assert.Equal(["unmask_always", "quiet_when_removing"], Implemented(doc, 0));
        Assert.Equal(["restore_msi_state"], Implemented(doc, 1));
        Assert.Equal(["a_only", "v3"], patches.Select(p => p.GetProperty("variant").GetString()));
        Assert.Equal("holds", patches[0].GetProperty("verdicts").GetProperty("no_stuck_mask").GetString());
        Assert.Equal("violated", patches[0].GetProperty("verdicts").GetProperty("deliverable").GetString());
        Assert.Equal("holds", patches[1].GetProperty("verdicts").GetProperty("deliverable").GetString());
    }

    [Fact]
    public void Hunks_that_no_declared_variant_has_are_checked_as_a_variant_of_the_patch()
    {
        var (code, doc) = Review(Diff("""
            @@ -1276,3 +1276,3 @@ static void hv_irq_unmask(struct irq_data *data)
            -	if (res) {
            +	if (res && hbus->state != hv_pcibus_removing) {
             		dev_err(&hbus->hdev->device,
             			"%s() failed: %#llx", __func__, res);
            """));

        Assert.Equal(1, code);
        var variant = doc.GetProperty("variant");
        Assert.Equal("patch1", variant.GetProperty("name").GetString());
        Assert.False(variant.GetProperty("declared").GetBoolean());
        Assert.Equal(["quiet_when_removing"], variant.GetProperty("hunks").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(("violated", "holds"), Verdicts(doc)["no_spurious_error"]);
    }

    [Fact]
    public void A_patch_that_puts_the_early_return_back_reverts_unmask_always()
    {
        var (code, doc) = Review(Diff("""
            @@ -1290,3 +1290,4 @@ static void hv_irq_unmask(struct irq_data *data)
             		dev_err(&hbus->hdev->device,
             			"%s() failed: %#llx", __func__, res);
            +		return;
             
            """), "--base", "v3");

        Assert.Equal(1, code);
        var reverts = doc.GetProperty("patches")[0].GetProperty("reverts").EnumerateArray().ToList();
        Assert.Equal("unmask_always", Assert.Single(reverts).GetProperty("hunk").GetString());
        Assert.Equal(["quiet_when_removing", "restore_msi_state"], doc.GetProperty("variant").GetProperty("hunks").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(("holds", "violated"), Verdicts(doc)["no_stuck_mask"]);
    }

    [Fact]
    public void Text_that_is_not_a_patch_is_refused_in_one_line()
    {
        var r = InProcessCli.Run("review", "tests/patches/not-a-patch.txt");

        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.Stdout);
        Assert.StartsWith("tests/patches/not-a-patch.txt:", r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void The_reply_fits_72_columns_and_says_what_the_patch_implements_and_fixes()
    {
        var r = InProcessCli.Run("review", Seed, "--format", "email");

        Assert.Equal(0, r.ExitCode);
        Assert.All(r.Stdout.Split('\n'), l => Assert.True(l.Length <= 72, $"{l.Length} columns: {l}"));
        Assert.Contains("implements unmask_always", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("implements restore_msi_state", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("The patch makes variant v3 of the model", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Reproduce with:\n  dotnet run --project src/HvModel.Cli -- review", r.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A git diff of pci-hyperv.c with these hunks, in a file of its own.</summary>
    private static string Diff(string hunks)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hvmodel-review-{Guid.NewGuid():N}.diff");
        File.WriteAllText(file, $"""
            diff --git a/drivers/pci/controller/pci-hyperv.c b/drivers/pci/controller/pci-hyperv.c
            --- a/drivers/pci/controller/pci-hyperv.c
            +++ b/drivers/pci/controller/pci-hyperv.c
            {hunks}

            """);
        return file;
    }

    private static (int Code, JsonElement Doc) Review(string patch, params string[] more)
    {
        var r = InProcessCli.Run(["review", patch, .. more, "--format", "json"]);
        Assert.True(r.Stdout.Length > 0, r.Stderr);
        return (r.ExitCode, JsonDocument.Parse(r.Stdout).RootElement);
    }

    /// <summary>Text with its line breaks and indentation as single spaces, so that a sentence is found however it wraps.</summary>
    private static string Words(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static List<string> Implemented(JsonElement doc, int patch) =>
        [.. doc.GetProperty("patches")[patch].GetProperty("implements").EnumerateArray().Select(h => h.GetProperty("hunk").GetString()!)];

    private static Dictionary<string, (string?, string?)> Verdicts(JsonElement doc) =>
        doc.GetProperty("diff").GetProperty("verdicts").EnumerateArray().ToDictionary(
            v => v.GetProperty("property").GetString()!, v => (v.GetProperty("a").GetString(), v.GetProperty("b").GetString()));
}
