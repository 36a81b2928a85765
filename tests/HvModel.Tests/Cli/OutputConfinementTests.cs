using HvModel.Core.Text;

namespace HvModel.Tests.Cli;

/// <summary>Nothing that model text controls can name a file outside the folder the user gave.</summary>
public sealed class OutputConfinementTests : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("hvmodel-confine-");

    public void Dispose() => temp.Delete(true);

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("a\0b")]
    [InlineData("変種")]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("a\\b")]
    public void Hostile_names_become_plain_file_names(string name)
    {
        var part = SafeFileName.Part(name);

        Assert.True(SafeFileName.IsPlain(part), part);
        Assert.DoesNotContain('/', part);
        Assert.DoesNotContain('\\', part);
        Assert.DoesNotContain('\0', part);
        Assert.DoesNotContain("..", part, StringComparison.Ordinal);
        Assert.InRange(part.Length, 1, SafeFileName.MaxLength);
        Assert.Equal(Path.GetFileName(part), part);
    }

    [Fact]
    public void Ordinary_names_are_kept_and_different_names_stay_different()
    {
        Assert.Equal("no_stuck_mask", SafeFileName.Part("no_stuck_mask"));
        Assert.Equal("CPUS=3,IRQS=3", SafeFileName.Part("CPUS=3,IRQS=3"));
        Assert.NotEqual(SafeFileName.Part("変種"), SafeFileName.Part("変体"));
        Assert.NotEqual(SafeFileName.Part(new string('p', 300)), SafeFileName.Part(new string('p', 301)));
        Assert.Equal(SafeFileName.MaxLength, SafeFileName.Part(new string('p', 300)).Length);
    }

    [Fact]
    public void Smt_dumps_of_hostile_names_stay_in_the_folder_with_short_names()
    {
        var longName = new string('q', 300);
        var model = Path.Combine(temp.FullName, "m.hvm");
        File.WriteAllText(model, $"model m\nhunk h \"h\"\nvariant 変種 = {{}} \"cjk\"\nvar x: 0 .. 3 = 0\naction up when x < 3 do x := x + 1 end\ninvariant {longName}: x < 9\nallow deadlock\n");
        var dump = Path.Combine(temp.FullName, "dump");

        var r = CliProcess.Run("check", model, "--engine", "bmc", "--depth", "2", "--dump-smt", dump);

        Assert.True(r.ExitCode is 0 or 3, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        var files = Directory.GetFiles(dump).Select(Path.GetFileName).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(f!.Length <= 160 && f.EndsWith(".smt2", StringComparison.Ordinal), f));
        Assert.Equal(["dump", "m.hvm"], Directory.GetFileSystemEntries(temp.FullName).Select(Path.GetFileName).Order().ToList());
    }

    // Before: kind's certificate scripts were named "...-base_k=1.smt2", and z3 took the file
    // name for an option ("unknown parameter"): a dump the user could not re-run as z3 FILE.
    [Fact]
    public void Every_dumped_script_runs_as_z3_FILE()
    {
        var model = Path.Combine(temp.FullName, "m.hvm");
        File.WriteAllText(model, "model m\nvar x: 0 .. 3 = 0\naction up when x < 3 do x := x + 1 end\ninvariant small: x < 9\nallow deadlock\n");
        var dump = Path.Combine(temp.FullName, "dump");

        var r = CliProcess.Run("check", model, "--engine", "kind", "--depth", "4", "--dump-smt", dump);

        Assert.Equal(0, r.ExitCode);
        var files = Directory.GetFiles(dump);
        Assert.Contains(files, f => f.Contains("base", StringComparison.Ordinal));
        Assert.All(files, f => Assert.DoesNotContain('=', Path.GetFileName(f)));
        foreach (var f in files)
        {
            using var z3 = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("z3", [f]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = z3.StandardOutput.ReadToEnd() + z3.StandardError.ReadToEnd();
            z3.WaitForExit();
            Assert.DoesNotContain("unknown parameter", output, StringComparison.Ordinal);
        }
    }
}
