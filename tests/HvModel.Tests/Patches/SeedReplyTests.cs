using HvModel.Core.Patches;

namespace HvModel.Tests.Patches;

/// <summary>The seed: a maintainer's reply quoting patch 915cff7f38c5 v3, indentation lost.</summary>
public class SeedReplyTests
{
    private const string Unmask = "hv_irq_unmask";
    private const string RestoreMsg = "hv_pci_restore_msi_msg";
    private const string RestoreState = "hv_pci_restore_msi_state";
    private const string Resume = "hv_pci_resume";

    private static readonly Patch Seed = PatchFiles.Single(PatchFiles.Seed);

    [Fact]
    public void The_reply_is_one_patch_of_three_hunks_in_pci_hyperv_with_the_counts_of_its_headers()
    {
        Assert.Equal(PatchFiles.SeedSubject, Seed.Subject);
        Assert.Equal(
            [
                (PatchFiles.PciHyperv, 1276, 11, 1276, 25, Unmask, 86),
                (PatchFiles.PciHyperv, 3372, 6, 3386, 34, "hv_pci_suspend", 115),
                (PatchFiles.PciHyperv, 3405, 6, 3447, 8, Resume, 150),
            ],
            Seed.Hunks.Select(h => (h.File, h.OldStart, h.OldCount, h.NewStart, h.NewCount, h.HeaderFunction, h.SourceLine)));

        // The lines read fill the counts exactly: context counts on both sides.
        Assert.All(Seed.Hunks, h =>
        {
            Assert.Equal(h.OldCount, h.Lines.Count(l => l.Kind != DiffLineKind.Added));
            Assert.Equal(h.NewCount, h.Lines.Count(l => l.Kind != DiffLineKind.Removed));
        });
    }

    [Fact]
    public void Each_line_knows_the_input_line_it_came_from()
    {
        var input = PatchFiles.Text(PatchFiles.Seed).Split('\n');
        var lines = Seed.Hunks.SelectMany(h => h.Lines).ToList();

        Assert.Equal(lines.Select(l => l.SourceLine).Order(), lines.Select(l => l.SourceLine));
        Assert.All(lines, l => Assert.EndsWith(l.Text, input[l.SourceLine - 1], StringComparison.Ordinal));
        Assert.Equal(87, lines[0].SourceLine);
        Assert.Equal("exit_unlock:", lines[0].Text);
    }

    [Fact]
    public void Hunk_1_drops_the_early_return_of_hv_irq_unmask_and_guards_the_message()
    {
        var hunk = Seed.Hunks[0];

        Assert.Equal(
            [("if (res) {", Unmask), ("return;", Unmask), ("}", Unmask)],
            hunk.Lines.Where(l => l.Kind == DiffLineKind.Removed).Select(l => (l.Text, l.Function)));
        Assert.Equal(
            [
                "/*",
                "* During hibernation, when a CPU is offlined, the kernel tries",
                "* to move the interrupt to the remaining CPUs that haven't",
                "* been offlined yet. In this case, the below hv_do_hypercall()",
                "* always fails since the vmbus channel has been closed:",
                "* refer to cpu_disable_common() -> fixup_irqs() ->",
                "* irq_migrate_all_off_this_cpu() -> migrate_one_irq().",
                "*",
                "* Suppress the error message for hibernation because the failure",
                "* during hibernation does not matter (at this time all the devices",
                "* have been frozen). Note: the correct affinity info is still updated",
                "* into the irqdata data structure in migrate_one_irq() ->",
                "* irq_do_set_affinity() -> hv_set_affinity(), so later when the VM",
                "* resumes, hv_pci_restore_msi_state() is able to correctly restore",
                "* the interrupt with the correct affinity.",
                "*/",
                "if (res && hbus->state != hv_pcibus_removing)",
            ],
            hunk.Lines.Where(l => l.Kind == DiffLineKind.Added).Select(l => l.Text));

        // Every line, the comment that names other functions included, is in hv_irq_unmask.
        Assert.All(hunk.Lines, l => Assert.Equal(Unmask, l.Function));
    }

    [Fact]
    public void Hunk_2_adds_two_functions_the_header_does_not_name_and_ends_in_hv_pci_resume()
    {
        var hunk = Seed.Hunks[1];
        var added = hunk.Lines.Where(l => l.Kind == DiffLineKind.Added).ToList();

        Assert.DoesNotContain(hunk.Lines, l => l.Kind == DiffLineKind.Removed);
        Assert.Equal(28, added.Count);
        Assert.Equal("static int hv_pci_restore_msi_msg(struct pci_dev *pdev, void *arg)", added[0].Text);
        Assert.Equal("for_each_pci_msi_entry(entry, pdev) {", added[5].Text);
        Assert.Equal("static void hv_pci_restore_msi_state(struct hv_pcibus_device *hbus)", added[23].Text);
        Assert.Equal("pci_walk_bus(hbus->pci_bus, hv_pci_restore_msi_msg, NULL);", added[25].Text);

        // The comment above hv_pci_restore_msi_state is below the nearest definition, hv_pci_restore_msi_msg's.
        Assert.Equal(
            Enumerable.Repeat(RestoreMsg, 23).Concat(Enumerable.Repeat(RestoreState, 5)),
            added.Select(l => l.Function));

        var context = hunk.Lines.Where(l => l.Kind == DiffLineKind.Context).Select(l => (l.Text, l.Function));
        Assert.Equal(
            [
                ("return 0;", "hv_pci_suspend"),
                ("}", "hv_pci_suspend"),
                ("", "hv_pci_suspend"),
                ("static int hv_pci_resume(struct hv_device *hdev)", Resume),
                ("{", Resume),
                ("struct hv_pcibus_device *hbus = hv_get_drvdata(hdev);", Resume),
            ],
            context);
    }

    [Fact]
    public void Hunk_3_calls_the_restore_from_hv_pci_resume_and_a_call_is_no_change_to_the_callee()
    {
        var hunk = Seed.Hunks[2];

        Assert.Equal(
            [("hv_pci_restore_msi_state(hbus);", Resume), ("", Resume)],
            hunk.Lines.Where(l => l.Kind == DiffLineKind.Added).Select(l => (l.Text, l.Function)));
        Assert.Equal(
            ["", "prepopulate_bars(hbus);", "", "hbus->state = hv_pcibus_installed;", "return 0;", "out:"],
            hunk.Lines.Where(l => l.Kind == DiffLineKind.Context).Select(l => l.Text));
        Assert.All(hunk.Lines, l => Assert.Equal(Resume, l.Function));
    }

    [Fact]
    public void The_signature_separator_that_lost_its_space_is_not_read_as_a_removed_line()
    {
        var last = Seed.Hunks[^1].Lines[^1];

        Assert.Equal("out:", last.Text);
        Assert.Equal(158, last.SourceLine);
        Assert.DoesNotContain(Seed.Hunks.SelectMany(h => h.Lines), l => l.Text is "-" or "2.19.1");
    }
}
