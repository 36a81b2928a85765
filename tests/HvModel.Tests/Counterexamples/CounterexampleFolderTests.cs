using HvModel.Cli;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Counterexamples;

/// <summary>
/// <c>counterexamples --out DIR</c> never removes or overwrites a file it did not write (the
/// reliability issue's lost files): only what its manifest lists is its own.
/// </summary>
public sealed class CounterexampleFolderTests : IDisposable
{
    private const string Buggy = "model small\nvar x: 0 .. 3 = 0\naction up when x < 3 do x := x + 1 end\ninvariant low: x < 2\nallow deadlock\n";

    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("hvmodel-cx-");

    public void Dispose() => temp.Delete(true);

    private string Model(string text, string name = "small.hvm")
    {
        var file = Path.Combine(temp.FullName, name);
        File.WriteAllText(file, text);
        return file;
    }

    private string Folder(string name) => Path.Combine(temp.FullName, name);

    [Fact]
    public void A_folder_of_the_users_is_refused_and_left_intact()
    {
        var dir = Directory.CreateDirectory(Folder("work")).FullName;
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "my notes");
        File.WriteAllText(Path.Combine(dir, "results.json"), "{}");

        var r = CliProcess.Run("counterexamples", Model(Buggy), "--out", dir);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not empty and holds no .hvmodel-counterexamples manifest", r.Stderr);
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(dir, "notes.txt")));
        Assert.Equal("{}", File.ReadAllText(Path.Combine(dir, "results.json")));
        Assert.Equal(2, Directory.GetFiles(dir).Length);
    }

    [Fact]
    public void Out_dot_in_a_project_folder_deletes_nothing()
    {
        var dir = Directory.CreateDirectory(Folder("project")).FullName;
        File.WriteAllText(Path.Combine(dir, "package.json"), "{\"name\": \"x\"}");
        File.WriteAllText(Path.Combine(dir, "todo.txt"), "todo");

        var r = CliProcess.RunIn(dir, "counterexamples", "--out", ".");

        Assert.Equal(2, r.ExitCode);
        Assert.True(File.Exists(Path.Combine(dir, "package.json")));
        Assert.True(File.Exists(Path.Combine(dir, "todo.txt")));
    }

    [Fact]
    public void Own_folder_is_rewritten_a_users_file_in_it_survives_and_stale_files_go()
    {
        var dir = Folder("cx");
        var model = Model(Buggy);
        Assert.Equal(0, CliProcess.Run("counterexamples", model, "--out", dir).ExitCode);
        Assert.True(File.Exists(Path.Combine(dir, "default.low.txt")));
        Assert.True(File.Exists(Path.Combine(dir, "default.low.json")));
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");

        // The property now holds: its counterexample is stale and goes; the user's file stays.
        File.WriteAllText(model, Buggy.Replace("x < 2", "x < 9", StringComparison.Ordinal));
        var r = CliProcess.Run("counterexamples", model, "--out", dir);

        Assert.Equal(0, r.ExitCode);
        Assert.False(File.Exists(Path.Combine(dir, "default.low.txt")));
        Assert.False(File.Exists(Path.Combine(dir, "default.low.json")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "notes.txt")));
    }

    [Fact]
    public void A_users_file_with_the_name_of_a_counterexample_is_not_overwritten()
    {
        var dir = Folder("cx");
        var model = Model(Buggy);
        Assert.Equal(0, CliProcess.Run("counterexamples", Model("model other\nvar b: bool = false\ninvariant ok: !b\n", "other.hvm"), "--out", dir).ExitCode);
        File.WriteAllText(Path.Combine(dir, "default.low.txt"), "hand-written");

        var r = CliProcess.Run("counterexamples", model, "--out", dir);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("default.low.txt would be overwritten", r.Stderr);
        Assert.Equal("hand-written", File.ReadAllText(Path.Combine(dir, "default.low.txt")));
    }

    [Fact]
    public void A_manifest_naming_a_path_outside_the_folder_is_refused()
    {
        var dir = Directory.CreateDirectory(Folder("cx")).FullName;
        var victim = Path.Combine(temp.FullName, "victim.txt");
        File.WriteAllText(victim, "keep");
        File.WriteAllText(Path.Combine(dir, CounterexampleFolder.ManifestName), "small\t../victim.txt\n");

        var r = CliProcess.Run("counterexamples", Model(Buggy), "--out", dir);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not a manifest written by hvmodel", r.Stderr);
        Assert.Equal("keep", File.ReadAllText(victim));
    }

    [Fact]
    public void Runs_with_other_constants_get_their_own_files()
    {
        var dir = Folder("cx");
        var model = Model("model counted\nconst N = 2\nvar x: 0 .. 9 = 0\naction up when x < 9 do x := x + 1 end\ninvariant low: x < N\nallow deadlock\n");

        Assert.Equal(0, CliProcess.Run("counterexamples", model, "--out", dir).ExitCode);
        Assert.Equal(0, CliProcess.Run("counterexamples", model, "--const", "N=3", "--out", dir).ExitCode);
        Assert.Equal(0, CliProcess.Run("counterexamples", model, "--const", "N=2", "--out", dir).ExitCode);

        Assert.Contains("violated in 2 steps", File.ReadAllText(Path.Combine(dir, "default.low.txt")));
        Assert.Contains("violated in 3 steps", File.ReadAllText(Path.Combine(dir, "default.low.N=3.txt")));
        Assert.Equal(0, CliProcess.Run("counterexamples", model, "--const", "N=3", "--out", dir, "--check").ExitCode);
        Assert.Equal(0, CliProcess.Run("counterexamples", model, "--out", dir, "--check").ExitCode);
    }

    [Fact]
    public void Hostile_names_stay_inside_the_folder_with_short_names()
    {
        var longName = new string('p', 300);
        var dir = Folder("cx");
        var model = Model($"model m\nhunk h \"h\"\nvariant 変種 = {{}} \"cjk\"\nvar x: 0 .. 3 = 0\naction up when x < 3 do x := x + 1 end\ninvariant {longName}: x < 2\nallow deadlock\n");

        var r = CliProcess.Run("counterexamples", model, "--out", dir);

        Assert.Equal(0, r.ExitCode);
        var files = Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(2, files.Count(f => f!.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)));
        Assert.All(files, f => Assert.True(f!.Length < 150, f));
        Assert.DoesNotContain(Directory.GetFiles(temp.FullName), f => f.EndsWith(".txt", StringComparison.Ordinal));
    }
}
