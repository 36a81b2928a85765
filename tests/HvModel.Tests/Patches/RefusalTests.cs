using HvModel.Core.Patches;
using HvModel.Core.Text;

namespace HvModel.Tests.Patches;

/// <summary>What is not a readable patch gets one line of error, with the line it is about.</summary>
public class RefusalTests
{
    private static ModelError Refuse(string text, string name = "input.txt")
    {
        var error = Assert.Throws<ModelError>(() => PatchReader.Read(text, name));
        Assert.DoesNotContain('\n', error.Format());
        Assert.Equal(name, error.Span.File);
        Assert.True(error.Span.Line >= 1, error.Format());
        return error;
    }

    [Fact]
    public void Prose_is_no_patch()
    {
        var error = Refuse(PatchFiles.Text("not-a-patch.txt"), "not-a-patch.txt");

        Assert.Equal("not-a-patch.txt:1:1: error: no unified diff found: no '@@' hunk header", error.Format());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\r\n  \n")]
    public void Empty_input_is_no_patch(string text)
    {
        var error = Refuse(text);

        Assert.Equal("input.txt:1:1: error: empty input: no patch to read", error.Format());
    }

    [Fact]
    public void A_header_whose_counts_the_hunk_does_not_fill_is_refused_at_the_header()
    {
        var text = PatchFiles.Edit(PatchFiles.Text(PatchFiles.PlainDiff), "@@ -1276,11 +1276,25 @@", "@@ -1276,12 +1276,26 @@");

        var error = Refuse(text);
        Assert.Equal(5, error.Span.Line);
        Assert.Contains("promises 12 old and 26 new lines, but the hunk stops at line 34 with 1 old and 1 new lines missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_hunk_short_of_its_counts_stops_at_the_end_of_the_mail()
    {
        var text = PatchFiles.Edit(PatchFiles.Text(PatchFiles.Seed), "> @@ -3405,6 +3447,8 @@", "> @@ -3405,7 +3447,9 @@");

        var error = Refuse(text);
        Assert.Equal(new SourceSpan("input.txt", 150, 3), error.Span);
        Assert.Contains("stops at line 159", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_after_the_counts_are_used_up_is_refused_at_that_line()
    {
        var text = PatchFiles.Edit(PatchFiles.Text(PatchFiles.PlainDiff), "@@ -1276,11 +1276,25 @@", "@@ -1276,10 +1276,24 @@");

        var error = Refuse(text);
        Assert.Equal(33, error.Span.Line);
        Assert.Contains("follows the hunk at line 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hunk_with_no_file_header_is_refused()
    {
        var error = Refuse("Here is the fix:\n\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n");

        Assert.Equal(3, error.Span.Line);
        Assert.Contains("no file header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_hunk_header_is_refused()
    {
        var text = PatchFiles.Edit(PatchFiles.Text(PatchFiles.PlainDiff), "@@ -3405,6 +3447,8 @@", "@@ -3405,6 +3447");

        Assert.Equal(69, Refuse(text).Span.Line);
    }

    [Fact]
    public void A_file_header_with_no_hunk_is_refused_there()
    {
        var error = Refuse("A binary change:\n\ndiff --git a/fw.bin b/fw.bin\nindex 1..2 100644\nBinary files a/fw.bin and b/fw.bin differ\n");

        Assert.Equal(3, error.Span.Line);
        Assert.Contains("no unified diff found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_printable_body_is_refused_at_its_header()
    {
        var error = Refuse("From: A <a@example.org>\nSubject: [PATCH] x\nContent-Transfer-Encoding: quoted-printable\n\n" + PatchFiles.Text(PatchFiles.PlainDiff));

        Assert.Equal(3, error.Span.Line);
        Assert.Contains("quoted-printable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_combined_diff_of_a_merge_is_refused()
    {
        var error = Refuse("diff --cc a.c\n--- a/a.c\n+++ b/a.c\n@@@ -1,1 -1,1 +1,1 @@@\n- a\n -b\n++c\n");

        Assert.Equal(4, error.Span.Line);
        Assert.Contains("combined diff", error.Message, StringComparison.Ordinal);
    }
}
