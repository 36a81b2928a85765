namespace HvModel.Tests.Cli;

/// <summary>Every output path is checked before the work starts: a bad one is a clear error, exit 2, no stack trace.</summary>
public sealed class OutputPathTests : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("hvmodel-out-");

    public void Dispose() => temp.Delete(true);

    private string AFile()
    {
        var file = Path.Combine(temp.FullName, "afile");
        File.WriteAllText(file, "x");
        return file;
    }

    public static TheoryData<string, string> BadPaths() => new()
    {
        { "check tests/models/holds/mutex.hvm --engine bmc --depth 1 --dump-smt {file}", "is a file, not a folder" },
        { "check tests/models/holds/mutex.hvm --engine bmc --depth 1 --dump-smt {file}/sub", "is a file" },
        { "check tests/models/holds/mutex.hvm --engine bmc --depth 1 --dump-smt {empty}", "needs a folder" },
        { "check tests/models/holds/mutex.hvm --engine bmc --depth 1 --dump-smt /proc/hvmodel-test", "cannot write into the folder" },
        { "graph tests/models/holds/mutex.hvm --out {dir}/missing/g.dot", "does not exist" },
        { "graph tests/models/holds/mutex.hvm --out {dir}", "is a folder" },
        { "graph tests/models/holds/mutex.hvm --out /dev/full", "cannot write the graph" },
        { "graph tests/models/holds/mutex.hvm --out {empty}", "needs a file name" },
        { "graph tests/models/holds/mutex.hvm --out {file}/g.dot", "is a file" },
        { "counterexamples tests/models/violated/mutex_bug.hvm --out {file}/sub", "is a file" },
        { "counterexamples tests/models/violated/mutex_bug.hvm --out {file}", "is a file, not a folder" },
        { "counterexamples tests/models/violated/mutex_bug.hvm --out /proc/hvmodel-test", "cannot write into the folder" },
    };

    [Theory]
    [MemberData(nameof(BadPaths))]
    public void A_bad_output_path_is_a_clear_error(string command, string message)
    {
        var file = AFile();
        var args = command.Split(' ')
            .Select(a => a.Replace("{file}", file, StringComparison.Ordinal).Replace("{dir}", temp.FullName, StringComparison.Ordinal).Replace("{empty}", "", StringComparison.Ordinal))
            .ToArray();

        var r = CliProcess.Run(args);

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("hvmodel: error: ", r.Stderr);
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.Equal("x", File.ReadAllText(file));
        Assert.False(File.Exists(Path.Combine(Repo.Root, "bmc-default-mutual_exclusion-bmc.smt2")));
    }

    [Fact]
    public void Graph_writes_into_an_existing_folder()
    {
        var file = Path.Combine(temp.FullName, "g.dot");

        var r = CliProcess.Run("graph", "tests/models/holds/mutex.hvm", "--out", file);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\ndigraph \"mutex\" {\n", File.ReadAllText(file));
    }
}
