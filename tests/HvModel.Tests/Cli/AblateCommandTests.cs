namespace HvModel.Tests.Cli;

public class AblateCommandTests
{
    [Fact]
    public void Ablation_of_v3_says_which_hunk_fixes_which_property()
    {
        var r = CliProcess.Run("ablate");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("[1] deliverable: needs unmask_always + restore_msi_state", r.Stdout);
        Assert.Contains("[2] no_stuck_mask: needs unmask_always", r.Stdout);
        Assert.Contains("[3] live_irte: needs restore_msi_state", r.Stdout);
        Assert.Contains("[5] no_spurious_error: needs quiet_when_removing", r.Stdout);
        Assert.Contains("[7] no_send_on_closed: holds without any hunk", r.Stdout);
        Assert.Contains("AC      holds     holds     holds     holds     VIOLATED  holds     holds", r.Stdout);
    }
}
