using System.Diagnostics;
using HvModel.Tests.Schema;

namespace HvModel.Tests.Cli;

/// <summary>
/// Issue 13 through the real command line: a signal ends every solver hvmodel started and the
/// run exits 3 with what it has; a faulty <c>z3</c> first on PATH never yields a <c>holds</c>,
/// and the text and JSON reports agree.
/// </summary>
public sealed class SolverFaultCliTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hvmodel-cli-z3-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    private static ProcessStartInfo Start(string? pathFirst, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (pathFirst is not null)
        {
            start.Environment["PATH"] = $"{pathFirst}:{Environment.GetEnvironmentVariable("PATH")}";
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hvmodel.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return start;
    }

    /// <summary>
    /// The start info run with SIGINT at its default disposition. A process started in the
    /// background by a non-interactive shell (a CI runner's, `cmd &amp;`) ignores SIGINT, and its
    /// children inherit that; hvmodel, like every POSIX tool, leaves an ignored SIGINT ignored, so
    /// the test would measure its launcher, not hvmodel. Perl (in Debian's essential perl-base)
    /// resets the disposition and execs hvmodel in place, so the process id stays the one signalled.
    /// </summary>
    private static ProcessStartInfo SignalsAtDefault(ProcessStartInfo start)
    {
        var ignored = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if ((Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16) & 0x2) == 0)
        {
            return start;
        }

        var wrapped = new ProcessStartInfo("perl")
        {
            WorkingDirectory = start.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die", start.FileName, .. start.ArgumentList])
        {
            wrapped.ArgumentList.Add(a);
        }

        return wrapped;
    }

    /// <summary>The z3 processes whose parent is <paramref name="parent"/>.</summary>
    private static List<int> SolverChildren(int parent)
    {
        var found = new List<int>();
        foreach (var proc in Directory.GetDirectories("/proc"))
        {
            try
            {
                // /proc/PID/stat: "pid (comm) state ppid ..."
                var stat = File.ReadAllText(Path.Combine(proc, "stat"));
                var close = stat.LastIndexOf(')');
                var comm = stat[(stat.IndexOf('(') + 1)..close];
                var ppid = int.Parse(stat[(close + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                if (ppid == parent && comm == "z3")
                {
                    found.Add(int.Parse(Path.GetFileName(proc), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Not a process, or it ended while we looked.
            }
        }

        return found;
    }

    private static bool IsSolver(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim() == "z3";
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_ends_every_solver_and_the_run_exits_3(string signal)
    {
        // BMC to depth 60 on the flagship runs for many minutes: it is certainly mid-query.
        using var p = Process.Start(SignalsAtDefault(Start(null, "check", "--engine", "bmc", "--depth", "60")))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        var solvers = new List<int>();
        var watch = Stopwatch.StartNew();
        while (solvers.Count == 0 && watch.Elapsed < TimeSpan.FromSeconds(60) && !p.HasExited)
        {
            Thread.Sleep(200);
            solvers = SolverChildren(p.Id);
        }

        Assert.NotEmpty(solvers);
        Thread.Sleep(500);
        using (var kill = Process.Start("kill", $"-{signal} {p.Id}"))
        {
            kill.WaitForExit();
        }

        if (!p.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"hvmodel did not exit after SIG{signal}");
        }

        var output = await stdout;
        var errors = await stderr;
        Assert.Equal(3, p.ExitCode);
        Assert.Contains($"interrupted by SIG{signal}", errors);
        Assert.Contains("unknown", output);
        Assert.DoesNotContain("Unhandled", errors);
        Thread.Sleep(500);
        Assert.DoesNotContain(solvers, IsSolver);
    }

    // Issue 13, defect 2: this exact run said "holds" in JSON and "the solver failed" in text.
    [Fact]
    public async Task A_solver_that_answers_sat_then_crashes_never_gives_holds_in_any_format()
    {
        ExecutableScript.Write(Path.Combine(dir, "z3"), """
            case "$1" in --version) echo 'Z3 version 4.8.12 - 64 bit'; exit 0 ;; esac
            while IFS= read -r line; do
              case "$line" in
                *"(check-sat)"*) echo sat ;;
                *"(get-"*) echo '(model'; exit 139 ;;
                *"(echo "*) echo hvmodel-sync ;;
              esac
            done
            """);
        foreach (var format in new[] { "json", "text" })
        {
            using var p = Process.Start(Start(dir, "check", "--engine", "pdr", "--variant", "pre", "--property", "no_spurious_error", "--depth", "6", "--format", format))!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            Assert.True(p.WaitForExit(TimeSpan.FromSeconds(60)));
            var output = await stdout;
            Assert.Equal(3, p.ExitCode);
            Assert.DoesNotContain("holds", output);
            Assert.Contains(format == "json" ? "\"verdict\": \"unknown\"" : "pre     unknown", output);
            ReportSchema.AssertValidIfJson(output, ["check", "--format", format]);
            Assert.DoesNotContain("   at ", await stderr);
        }
    }
}
