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
        Assert.Equal("restore_msi_state", Assert.Single(doc.GetProperty("patches")[0].GetProperty("partly").EnumerateArray()).GetProperty("hunk").GetString());
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
    public void An_edited_line_that_keeps_a_hunk_s_text_neither_implements_nor_reverts_it()
    {
        var (code, doc) = Review(Diff("""
            @@ -1289,3 +1289,3 @@ static void hv_irq_unmask(struct irq_data *data)
            -	if (res && hbus->state != hv_pcibus_removing)
            +	if (res && hbus->state != hv_pcibus_removing && !quiet)
             		dev_err(&hbus->hdev->device,
             			"%s() failed: %#llx", __func__, res);
            """), "--base", "v3");

        var patch = doc.GetProperty("patches")[0];
        Assert.Empty(patch.GetProperty("reverts").EnumerateArray());
        Assert.Equal("v3", doc.GetProperty("variant").GetProperty("name").GetString());
        Assert.Equal("hv_irq_unmask", Assert.Single(patch.GetProperty("uncaptured").EnumerateArray()).GetProperty("function").GetString());
        Assert.Equal(4, code);
    }

    [Fact]
    public void A_later_patch_of_a_series_that_reverts_an_earlier_one_says_so()
    {
        var hunk1 = """
            @@ -1290,4 +1290,3 @@ static void hv_irq_unmask(struct irq_data *data)
             		dev_err(&hbus->hdev->device,
             			"%s() failed: %#llx", __func__, res);
            -		return;
             
            """;
        var hunk2 = """
            @@ -1290,3 +1290,4 @@ static void hv_irq_unmask(struct irq_data *data)
             		dev_err(&hbus->hdev->device,
             			"%s() failed: %#llx", __func__, res);
            +		return;
             
            """;
        var mbox = Path.Combine(Path.GetTempPath(), $"hvmodel-series-{Guid.NewGuid():N}.mbox");
        File.WriteAllText(mbox, Mail(1, "drop the early return", hunk1) + Mail(2, "put it back", hunk2));

        var (_, doc) = Review(mbox);
        var text = Words(InProcessCli.Run("review", mbox).Stdout);

        var patches = doc.GetProperty("patches").EnumerateArray().ToList();
        Assert.Equal(["patch1", "pre"], patches.Select(p => p.GetProperty("variant").GetString()));
        Assert.Equal("unmask_always", Assert.Single(patches[1].GetProperty("reverts").EnumerateArray()).GetProperty("hunk").GetString());
        Assert.Contains("REVERTS unmask_always of patch1", text, StringComparison.Ordinal);
        Assert.True(doc.GetProperty("variant").GetProperty("declared").GetBoolean());
    }

    [Fact]
    public void A_model_that_says_nothing_of_kernel_code_cannot_review_a_patch()
    {
        var r = InProcessCli.Run("review", Seed, "tests/models/violated/refcount.hvm");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("the model says nothing of kernel code", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("* Suppress the error message", true)]
    [InlineData("*/", true)]
    [InlineData("/* a comment */", true)]
    [InlineData("*mask = 0;", false)]
    [InlineData("return;", false)]
    public void A_line_is_a_comment_by_its_start_not_by_any_star(string line, bool comment)
    {
        Assert.Equal(comment, HvModel.Core.Patches.FunctionAttribution.IsComment(line));
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

    /// <summary>One message of an mbox series: a format-patch mail of pci-hyperv.c with this hunk.</summary>
    private static string Mail(int n, string subject, string hunk) => $"""
        From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
        From: A Developer <dev@example.org>
        Subject: [PATCH {n}/2] PCI: hv: {subject}

        ---
        diff --git a/drivers/pci/controller/pci-hyperv.c b/drivers/pci/controller/pci-hyperv.c
        --- a/drivers/pci/controller/pci-hyperv.c
        +++ b/drivers/pci/controller/pci-hyperv.c
        {hunk}
        -- 
        2.19.1


        """;

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
