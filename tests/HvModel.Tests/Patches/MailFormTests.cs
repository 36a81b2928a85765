using HvModel.Core.Patches;

namespace HvModel.Tests.Patches;

/// <summary>The forms a patch comes in read as the same hunks: plain diff, format-patch, mbox series, replies.</summary>
public class MailFormTests
{
    private static readonly Patch Seed = PatchFiles.Single(PatchFiles.Seed);

    [Fact]
    public void The_plain_diff_with_its_indentation_reads_as_the_same_hunks_as_the_mangled_reply()
    {
        var diff = PatchFiles.Single(PatchFiles.PlainDiff);

        Assert.Equal("", diff.Subject);
        Assert.Equal(PatchFiles.Meanings(Seed.Hunks), PatchFiles.Meanings(diff.Hunks));
        Assert.Equal([5, 34, 69], diff.Hunks.Select(h => h.SourceLine));
    }

    [Fact]
    public void The_reply_with_CRLF_line_ends_reads_exactly_as_with_LF()
    {
        var crlf = PatchReader.Read(PatchFiles.Text(PatchFiles.Seed).Replace("\n", "\r\n", StringComparison.Ordinal), "crlf.txt");

        var patch = Assert.Single(crlf.Patches);
        Assert.Equal(Seed.Subject, patch.Subject);
        Assert.Equal(Seed.Hunks.SelectMany(h => h.Lines), patch.Hunks.SelectMany(h => h.Lines));
        Assert.DoesNotContain(patch.Hunks.SelectMany(h => h.Lines), l => l.Text.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public void A_format_patch_file_gives_its_unfolded_subject_and_the_same_hunks()
    {
        var patch = PatchFiles.Single("915cff7f38c5-v3.patch");

        Assert.Equal(PatchFiles.SeedSubject, patch.Subject);
        Assert.Equal(PatchFiles.Meanings(Seed.Hunks), PatchFiles.Meanings(patch.Hunks));
    }

    [Fact]
    public void An_mbox_series_gives_one_patch_per_mail_in_order_with_its_subject()
    {
        var series = PatchFiles.Read("series-unmask-then-restore.mbox");

        Assert.Equal(
            [
                "PCI: hv: Unmask the MSI interrupt even when the retarget hypercall fails during hibernation",
                "PCI: hv: Re-create the MSI interrupts on resume",
            ],
            series.Patches.Select(p => p.Subject));
        Assert.Equal(PatchFiles.Meanings(Seed.Hunks.Take(1)), PatchFiles.Meanings(series.Patches[0].Hunks));

        // 2/2 applies on top of 1/2, whose 14 new lines move the old starts.
        var second = series.Patches[1].Hunks;
        Assert.Equal([3386, 3419], second.Select(h => h.OldStart));
        Assert.Equal(
            PatchFiles.Meanings(Seed.Hunks.Skip(1).Select(h => h with { OldStart = h.OldStart + 14 })),
            PatchFiles.Meanings(second));
    }

    [Fact]
    public void A_cover_letter_without_a_diff_is_no_patch_of_the_series()
    {
        const string cover = "From decui@xxxxxxxxxxxxx Fri Oct  2 08:51:00 2020\nFrom: Dexuan Cui <decui@xxxxxxxxxxxxx>\n" +
            "Subject: [PATCH v3 0/2] PCI: hv: hibernation fixes\n\nTwo fixes; the second needs the first.\n\n";
        var series = PatchReader.Read(cover + PatchFiles.Text("series-unmask-then-restore.mbox"), "series.mbox");

        Assert.Equal(2, series.Patches.Length);
        Assert.StartsWith("PCI: hv: Unmask", series.Patches[0].Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_without_its_third_hunk_keeps_the_first_two()
    {
        var patch = PatchFiles.Single("915cff7f38c5-v3-without-hunk3-reply.txt");

        Assert.Equal(PatchFiles.Meanings(Seed.Hunks.Take(2)), PatchFiles.Meanings(patch.Hunks));
    }

    [Fact]
    public void Reply_text_between_the_quoted_lines_of_a_hunk_is_passed_over()
    {
        var text = PatchFiles.Edit(PatchFiles.Text(PatchFiles.Seed), "> - if (res) {\n",
            "> - if (res) {\n\nWhy not keep the early return here?\n\n");

        var patch = Assert.Single(PatchReader.Read(text, "inline.txt").Patches);
        Assert.Equal(PatchFiles.Meanings(Seed.Hunks), PatchFiles.Meanings(patch.Hunks));
    }

    [Fact]
    public void A_reply_to_the_reply_quotes_the_patch_two_levels_deep_and_reads_the_same()
    {
        var text = string.Join("\n", PatchFiles.Text(PatchFiles.Seed).Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l));

        var patch = Assert.Single(PatchReader.Read(text, "nested.txt").Patches);
        Assert.Equal(PatchFiles.Meanings(Seed.Hunks), PatchFiles.Meanings(patch.Hunks));
    }

    [Fact]
    public void A_diff_that_adds_one_line_to_hv_irq_unmask_has_that_one_change()
    {
        var hunk = Assert.Single(PatchFiles.Single("unmask-extra-line.diff").Hunks);

        var change = Assert.Single(hunk.Lines, l => l.Kind != DiffLineKind.Context);
        Assert.Equal((DiffLineKind.Added, "trace_printk(\"hv_irq_unmask: res=%#llx\\n\", res);", "hv_irq_unmask"), (change.Kind, change.Text, change.Function));
        Assert.Equal(PatchFiles.PciHyperv, hunk.File);
    }

    [Fact]
    public void A_diff_of_another_file_names_that_file_and_its_function()
    {
        var hunk = Assert.Single(PatchFiles.Single("unrelated-file.diff").Hunks);

        Assert.Equal("drivers/net/ethernet/foo.c", hunk.File);
        Assert.All(hunk.Lines, l => Assert.Equal("foo_open", l.Function));
        Assert.Equal(
            [(DiffLineKind.Removed, "err = foo_hw_init(priv);"), (DiffLineKind.Added, "err = foo_hw_init(priv, FOO_DEFAULT_RING_SIZE);"), (DiffLineKind.Added, "netif_carrier_off(ndev);")],
            hunk.Lines.Where(l => l.Kind != DiffLineKind.Context).Select(l => (l.Kind, l.Text)));
    }

    [Fact]
    public void A_diff_of_two_files_gives_each_hunk_its_own_file()
    {
        var text = PatchFiles.Text("unrelated-file.diff") + PatchFiles.Text("unmask-extra-line.diff");

        var patch = Assert.Single(PatchReader.Read(text, "two.diff").Patches);
        Assert.Equal(["drivers/net/ethernet/foo.c", PatchFiles.PciHyperv], patch.Hunks.Select(h => h.File));
        Assert.Equal(["foo_open", "hv_irq_unmask"], patch.Hunks.Select(h => h.HeaderFunction ?? "(none)"));
    }

    [Fact]
    public void A_deleted_file_is_named_by_its_old_path_and_no_newline_markers_count_as_no_line()
    {
        const string diff = "diff --git a/drivers/old.c b/drivers/old.c\ndeleted file mode 100644\n--- a/drivers/old.c\n+++ /dev/null\n" +
            "@@ -1,2 +0,0 @@\n-int old(void)\n-{ return 0; }\n\\ No newline at end of file\n";

        var hunk = Assert.Single(Assert.Single(PatchReader.Read(diff, "old.diff").Patches).Hunks);
        Assert.Equal("drivers/old.c", hunk.File);
        Assert.Equal(["int old(void)", "{ return 0; }"], hunk.Lines.Select(l => l.Text));
        Assert.All(hunk.Lines, l => Assert.Equal("old", l.Function));
    }

    [Fact]
    public void An_encoded_subject_is_decoded_and_its_tags_taken_off()
    {
        var mail = "From: A <a@example.org>\nSubject: =?UTF-8?q?Re=3A_=5BPATCH=5D_PCI=3A_hv=3A_caf=C3=A9?=\n =?UTF-8?q?_au_lait?=\n\n" +
            PatchFiles.Text(PatchFiles.PlainDiff);

        Assert.Equal("PCI: hv: café au lait", Assert.Single(PatchReader.Read(mail, "mail.txt").Patches).Subject);
    }
}
