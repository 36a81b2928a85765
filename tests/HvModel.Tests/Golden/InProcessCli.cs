using System.Text;
using HvModel.Tests.Schema;

namespace HvModel.Tests.Golden;

/// <summary>
/// Runs <c>hvmodel</c>'s entry point inside the test process, from the repository's root, with
/// its standard output and error captured. The console and the working folder belong to the
/// whole process, so the tests that use this run in <see cref="ConsoleCollection"/>, alone.
/// Every JSON document it prints is validated against the committed schema (<see cref="ReportSchema"/>).
/// </summary>
public static class InProcessCli
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static Outcome Run(params string[] args)
    {
        var stdout = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        var stderr = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        var (oldOut, oldErr, oldDir) = (Console.Out, Console.Error, Directory.GetCurrentDirectory());
        try
        {
            // Relative paths, as a user types them: the e-mail's reproduce line wraps by its length.
            Directory.SetCurrentDirectory(Repo.Root);
            Console.SetOut(stdout);
            Console.SetError(stderr);
            var code = HvModel.Cli.Cli.Main(args);
            var outcome = new Outcome(code, stdout.ToString(), stderr.ToString());
            ReportSchema.AssertValidIfJson(outcome.Stdout, args);
            return outcome;
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
            Directory.SetCurrentDirectory(oldDir);
        }
    }
}

/// <summary>Tests that take over the console and the working folder: never run beside another test.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
