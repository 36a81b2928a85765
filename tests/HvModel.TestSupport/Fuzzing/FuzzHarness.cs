using System.Diagnostics;
using System.Text.RegularExpressions;
using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Text;
using HvModel.Explicit;

namespace HvModel.TestSupport.Fuzzing;

/// <summary>
/// Runs fuzz cases in-process, as the CLI's <c>check</c> would: the mutant is written next to a
/// copy of its source in a private workspace (so that includes resolve as in the repository),
/// loaded through the real front end, and checked by the explicit engine with small limits.
/// Classifies the end (<see cref="FuzzOutcome"/>): a model error must have the compiler form,
/// nothing else may escape, and nothing may run past <see cref="WallLimit"/>.
/// </summary>
public sealed partial class FuzzHarness : IDisposable
{
    private readonly string workspace;

    public FuzzHarness(Corpus corpus)
    {
        workspace = Path.Combine(Path.GetTempPath(), $"hvmodel-fuzz-{Environment.ProcessId}-{Guid.NewGuid():N}");
        foreach (var folder in Corpus.Folders)
        {
            var from = Path.Combine(corpus.Root, folder);
            if (!Directory.Exists(from))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(workspace, Path.GetRelativePath(corpus.Root, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }
    }

    /// <summary>The explicit engine's state limit for each check.</summary>
    public long MaxStates { get; init; } = 500;

    /// <summary>The engine's own timeout (<c>--timeout</c>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Past this, load and check together count as a hang (generous: CI machines are shared and loaded).</summary>
    public TimeSpan WallLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where the mutant of a case is written (and left there when Run is asked to keep it).</summary>
    public string PathOf(FuzzCase c) =>
        Path.Combine(workspace, Path.GetDirectoryName(c.Source) ?? "", $"fuzz_{c.Seed}{Path.GetExtension(c.Source)}");

    public FuzzResult Run(FuzzCase c, bool keep = false)
    {
        var path = PathOf(c);
        File.WriteAllBytes(path, c.Bytes);
        var clock = Stopwatch.StartNew();
        using var cancel = new CancellationTokenSource();
        var work = Task.Factory.StartNew(() => Classify(path, cancel.Token), cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            if (!work.Wait(WallLimit))
            {
                cancel.Cancel();
                return new FuzzResult(c, FuzzOutcome.Hang, $"still running after {WallLimit.TotalSeconds} s", clock.Elapsed);
            }

            var (outcome, detail) = work.Result;
            if (clock.Elapsed > WallLimit && outcome is not (FuzzOutcome.Crash or FuzzOutcome.BadErrorFormat))
            {
                return new FuzzResult(c, FuzzOutcome.Hang, $"took {clock.Elapsed.TotalSeconds:0.0} s, then: {outcome}: {detail}", clock.Elapsed);
            }

            return new FuzzResult(c, outcome, detail, clock.Elapsed);
        }
        finally
        {
            if (!keep && work.IsCompleted)
            {
                File.Delete(path);
            }
        }
    }

    private (FuzzOutcome, string) Classify(string path, CancellationToken cancel)
    {
        try
        {
            var model = ModelLoader.LoadFile(path);
            var options = new CheckOptions { MaxStates = MaxStates, Timeout = Timeout, Cancellation = cancel };
            var results = CheckRunner.Run(model, new ExplicitEngine(), [model.Variants[0].Name], [], options);
            return (FuzzOutcome.Verdict, string.Join(", ", results.Select(r => $"{r.Property}={r.Verdict}").Take(4)));
        }
        catch (ModelError e)
        {
            var text = e.Format();
            return CompilerForm().IsMatch(text) && !text.Contains("\n   at ", StringComparison.Ordinal)
                ? (FuzzOutcome.ModelError, Shorten(text))
                : (FuzzOutcome.BadErrorFormat, Shorten(text));
        }
        catch (ModelRuntimeFailure f)
        {
            return (FuzzOutcome.RuntimeFailure, Shorten(f.Error.Format()));
        }
        catch (Exception e)
        {
            return (FuzzOutcome.Crash, $"{e.GetType().FullName}: {Shorten(e.Message)} at {Shorten(e.StackTrace ?? "", 600)}");
        }
    }

    // file:line:col: error: message (or file: error: message for an error about a whole file).
    [GeneratedRegex(@"^[^\n]+?(:\d+:\d+)?: error: [^\n]+")]
    private static partial Regex CompilerForm();

    private static string Shorten(string s, int max = 300) =>
        (s.Length <= max ? s : s[..max] + "...").Replace("\0", "\\0", StringComparison.Ordinal).Replace("\n", " | ", StringComparison.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(workspace, recursive: true);
        }
        catch (IOException)
        {
            // A hung case may still hold its file; the temp folder is the system's to clean.
        }
    }
}
