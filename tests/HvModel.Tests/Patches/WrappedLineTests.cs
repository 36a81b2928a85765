using HvModel.Core.Patches;
using HvModel.Core.Text;

namespace HvModel.Tests.Patches;

/// <summary>Long lines a mailer broke in two: joined where the hunk's counts say how, refused where they do not.</summary>
public class WrappedLineTests
{
    private static readonly Patch Seed = PatchFiles.Single(PatchFiles.Seed);

    [Fact]
    public void In_a_plain_diff_a_line_without_marker_is_the_tail_of_the_line_above_and_is_joined()
    {
        var text = PatchFiles.Text(PatchFiles.PlainDiff);
        text = PatchFiles.Edit(text, "affinity info is still updated\n", "affinity info is still\nupdated\n");
        text = PatchFiles.Edit(text, "+static void hv_pci_restore_msi_state(struct hv_pcibus_device *hbus)\n",
            "+static void hv_pci_restore_msi_state(struct\nhv_pcibus_device *hbus)\n");

        var wrapped = Assert.Single(PatchReader.Read(text, "wrapped.diff").Patches);
        Assert.Equal(PatchFiles.Meanings(Seed.Hunks), PatchFiles.Meanings(wrapped.Hunks));

        // The joined line starts where its first part is.
        var definition = wrapped.Hunks[1].Lines.Single(l => l.Text.StartsWith("static void", StringComparison.Ordinal));
        Assert.Equal(62, definition.SourceLine);
    }

    [Fact]
    public void In_a_new_file_a_line_without_marker_can_only_be_a_wrapped_tail()
    {
        const string diff = "diff --git a/drivers/new.c b/drivers/new.c\nnew file mode 100644\n--- /dev/null\n+++ b/drivers/new.c\n" +
            "@@ -0,0 +1,3 @@\n+static int hv_new(struct hv_device *hdev,\nvoid *arg)\n+{\n+}\n";

        var hunk = Assert.Single(Assert.Single(PatchReader.Read(diff, "new.diff").Patches).Hunks);
        Assert.Equal("drivers/new.c", hunk.File);
        Assert.Equal(["static int hv_new(struct hv_device *hdev, void *arg)", "{", "}"], hunk.Lines.Select(l => l.Text));
        Assert.All(hunk.Lines, l => Assert.Equal(("hv_new", DiffLineKind.Added), (l.Function, l.Kind)));
    }

    [Fact]
    public void In_the_mangled_reply_a_wrapped_added_line_that_only_one_reading_fits_is_joined()
    {
        var text = PatchFiles.Text(PatchFiles.Seed);
        text = PatchFiles.Edit(text, "> + pci_walk_bus(hbus->pci_bus, hv_pci_restore_msi_msg, NULL);\n",
            "> + pci_walk_bus(hbus->pci_bus, hv_pci_restore_msi_msg,\n> NULL);\n");
        text = PatchFiles.Edit(text, "re-create the IOMMU Interrupt Remapping\n", "re-create the IOMMU\n> Interrupt Remapping\n");

        var wrapped = Assert.Single(PatchReader.Read(text, "wrapped.txt").Patches);
        Assert.Equal(PatchFiles.Meanings(Seed.Hunks), PatchFiles.Meanings(wrapped.Hunks));
    }

    [Fact]
    public void A_long_mangled_hunk_where_every_context_line_could_be_a_wrapped_tail_is_read_plainly()
    {
        // Each context line under an added one could be that line's tail: 2,500 open choices.
        var lines = Enumerable.Range(0, 2500).SelectMany(i => new[] { $"> + a{i} = 1;", $"> c{i}(x);" });
        var text = "> diff --git a/f.c b/f.c\n> --- a/f.c\n> +++ b/f.c\n> @@ -1,2500 +1,5000 @@ static void f(void)\n" + string.Join("\n", lines) + "\n";

        var hunk = Assert.Single(Assert.Single(PatchReader.Read(text, "long.txt").Patches).Hunks);
        Assert.Equal(5000, hunk.Lines.Length);
        Assert.Equal(2500, hunk.Lines.Count(l => l.Kind == DiffLineKind.Added));
        Assert.Equal(("c2499(x);", DiffLineKind.Context, 5004), (hunk.Lines[^1].Text, hunk.Lines[^1].Kind, hunk.Lines[^1].SourceLine));
    }

    [Fact]
    public void In_the_mangled_reply_a_wrapped_line_that_could_also_be_context_is_refused_at_its_tail()
    {
        // Read as context, "updated" leaves the counts one line short; but then "dev_err(...," under the
        // added "if" could as well be that if's wrapped tail. The counts cannot tell the two apart.
        var text = PatchFiles.Edit(PatchFiles.Text(PatchFiles.Seed),
            "affinity info is still updated\n", "affinity info is still\n> updated\n");

        var error = Assert.Throws<ModelError>(() => PatchReader.Read(text, "wrapped.txt"));
        Assert.Equal(new SourceSpan("wrapped.txt", 102, 3), error.Span);
        Assert.Contains("the tail of the line above, wrapped by a mailer", error.Message, StringComparison.Ordinal);
        Assert.Contains("hunk at line 86", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Format());
    }

    [Fact]
    public void A_wrapped_tail_that_looks_like_a_removed_line_breaks_the_counts_and_is_refused()
    {
        var text = PatchFiles.Edit(PatchFiles.Text(PatchFiles.PlainDiff),
            "+\t * refer to cpu_disable_common() -> fixup_irqs() ->\n", "+\t * refer to cpu_disable_common()\n-> fixup_irqs() ->\n");

        // Read as a removed line, the tail uses one old line too many: the hunk's last line finds none left.
        // Which line above was wrapped the counts cannot say, so the error is where they run out.
        var error = Assert.Throws<ModelError>(() => PatchReader.Read(text, "wrapped.diff"));
        Assert.Equal(
            "wrapped.diff:34:1: error: a context line, but the hunk at line 5 ('@@ -1276,11 +1276,25 @@') has no old lines left",
            error.Format());
    }
}
