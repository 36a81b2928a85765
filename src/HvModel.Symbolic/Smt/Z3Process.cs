using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HvModel.Symbolic.Smt;

/// <summary>
/// One running <c>z3 -in</c> that reads SMT-LIB2 on stdin and answers on stdout. Every command
/// batch that expects an answer is followed by an <c>(echo ...)</c> marker, so the answer is
/// everything up to the marker, including any <c>(error ...)</c> lines of earlier commands;
/// output that cannot be an answer stops the solver at once (<see cref="ReplyChecker"/>).
/// Time: a deadline for the whole run (from <c>--timeout</c>); each <c>check-sat</c> gets the
/// time left, as z3's <c>:timeout</c> and again by killing the process a second later, since a
/// solver that hangs must not hang the checker. Every process is in <see cref="SolverRegistry"/>
/// while it runs, so that a signal ends it. With a dump file, everything sent is kept and written to
/// <see cref="DumpFile"/> on dispose, as a script that <c>z3 FILE</c> re-runs.
/// </summary>
public sealed class Z3Process : ISmtSink, IDisposable
{
    private const string Marker = "hvmodel-sync";

    // Extra time z3 gets past its own :timeout before it is killed.
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(1);

    // Without a deadline, how long an answer to get-value or get-model may take.
    private static readonly TimeSpan QueryLimit = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly BlockingCollection<string?> lines = [];
    private readonly StringBuilder transcript = new();
    private readonly StringBuilder errorOutput = new();
    private readonly StreamWriter input;
    private readonly TimeSpan? timeout;
    private readonly DateTime? deadline;
    private readonly Action<TimeSpan>? waiting;
    private readonly CancellationToken cancellation;
    private bool dead;
    private bool disposed;
    private bool timeoutSet;

    /// <param name="executable">The z3 program; null for <see cref="DefaultExecutable"/>.</param>
    /// <param name="timeout">The run's time limit (<c>--timeout</c>), for messages and, without <paramref name="deadline"/>, from now; null for none.</param>
    /// <param name="dumpFile">Where the whole session is written on dispose; null for nowhere.</param>
    /// <param name="deadline">When the run's time is up (UTC); every call gets the time left.</param>
    /// <param name="waiting">Called about once a second while the solver is silent, with how long it has been.</param>
    /// <param name="cancellation">Stops a wait for an answer (the process is killed).</param>
    /// <param name="memoryMegabytes">z3's own memory limit (its <c>-memory:</c> option), a share of <c>--max-memory</c>; null for none.</param>
    public Z3Process(string? executable = null, TimeSpan? timeout = null, string? dumpFile = null, DateTime? deadline = null, Action<TimeSpan>? waiting = null, long? memoryMegabytes = null, CancellationToken cancellation = default)
    {
        Executable = executable ?? DefaultExecutable;
        this.timeout = timeout;
        this.deadline = deadline ?? (timeout is { } t ? DateTime.UtcNow + t : null);
        this.waiting = waiting;
        this.cancellation = cancellation;
        DumpFile = dumpFile;
        var info = new ProcessStartInfo(Executable, memoryMegabytes is { } mb ? $"-in -memory:{Math.Max(1, mb)}" : "-in")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        try
        {
            process = Process.Start(info) ?? throw new Z3NotFoundException(Executable);
        }
        catch (Win32Exception e)
        {
            throw new Z3NotFoundException(Executable, e);
        }

        SolverRegistry.Add(process);
        input = process.StandardInput;
        input.AutoFlush = false;
        process.OutputDataReceived += (_, e) =>
        {
            // The end of output (null) can arrive after the session was disposed.
            try
            {
                lines.Add(e.Data);
            }
            catch (ObjectDisposedException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errorOutput)
                {
                    errorOutput.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The z3 program used when none is given: <c>$HVMODEL_Z3</c>, else <c>z3</c> on the PATH.</summary>
    public static string DefaultExecutable => Environment.GetEnvironmentVariable("HVMODEL_Z3") is { Length: > 0 } z ? z : "z3";

    public string Executable { get; }

    public string? DumpFile { get; }

    /// <summary>Number of <c>check-sat</c> calls made.</summary>
    public int Checks { get; private set; }

    /// <summary>The solver's version line, e.g. "Z3 version 4.8.12 - 64 bit" (see <see cref="SolverVersion"/>).</summary>
    public static string Version(string? executable = null) => SolverVersion.Of(executable ?? DefaultExecutable);

    /// <summary>A short name of the solver for reports, e.g. "z3 4.8.12".</summary>
    public static string ShortName(string? executable = null) => SolverVersion.ShortName(executable ?? DefaultExecutable);

    /// <summary>Sends commands that answer nothing (declarations, assertions, push/pop).</summary>
    public void Send(string commands)
    {
        // Kept for the dump alone: an unrolling at 4x4 sends 200 MB by depth 40.
        if (DumpFile is not null)
        {
            transcript.AppendLine(commands);
        }

        if (dead)
        {
            return;
        }

        try
        {
            input.WriteLine(commands);
        }
        catch (IOException)
        {
            dead = true;
        }
    }

    public void Assert(string term) => Send($"(assert {term})");

    public void Declare(string name, string sort) => Send($"(declare-const {name} {sort})");

    /// <summary>Runs <c>(check-sat)</c> within the time left.</summary>
    public SolverAnswer CheckSat() => CheckSatAssuming([], null);

    /// <summary>
    /// Runs <c>(check-sat-assuming (LITERALS))</c>, or <c>(check-sat)</c> without literals, within
    /// the time left of the run and, when given, before <paramref name="callDeadline"/> (a slice
    /// of the run's time for this one call).
    /// </summary>
    public SolverAnswer CheckSatAssuming(IReadOnlyList<string> literals, DateTime? callDeadline = null)
    {
        Checks++;
        TimeSpan? left = null;
        var sliced = callDeadline is { } slice && (deadline is not { } run || slice < run);
        var ends = sliced ? callDeadline : deadline;
        if (ends is { } end)
        {
            left = end - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                // Out of the run's time, the session is of no more use: end it now rather than
                // wait for it to exit. A spent slice leaves the session to later calls.
                if (!sliced)
                {
                    Kill();
                }

                return new SolverAnswer(SolverStatus.Unknown, sliced ? SliceReason() : TimeoutReason(false));
            }

            Send($"(set-option :timeout {Math.Max(1, (long)left.Value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)})");
            timeoutSet = true;
        }
        else if (timeoutSet)
        {
            // A slice's limit stays set in z3 until replaced: this call has none.
            Send("(set-option :timeout 4294967295)");
            timeoutSet = false;
        }

        var command = literals.Count == 0 ? "(check-sat)" : $"(check-sat-assuming ({string.Join(' ', literals)}))";
        var (ok, output) = Ask(command, true, left + KillGrace);
        if (!ok)
        {
            return new SolverAnswer(SolverStatus.Unknown, string.Join(' ', output));
        }

        var error = output.FirstOrDefault(l => l.StartsWith("(error", StringComparison.Ordinal));
        if (error is not null)
        {
            return new SolverAnswer(SolverStatus.Unknown, $"solver error: {error}");
        }

        switch (output.LastOrDefault(l => l.Trim().Length > 0)?.Trim())
        {
            case "sat":
                return SolverAnswer.Sat;
            case "unsat":
                return SolverAnswer.Unsat;
            case "unknown":
            {
                var (_, why) = Ask("(get-info :reason-unknown)", false, KillGrace);
                var reason = string.Join(' ', why).Trim();
                reason = reason.Replace("(:reason-unknown", string.Empty, StringComparison.Ordinal).Trim(' ', ')', '"');
                if (reason.Length == 0)
                {
                    reason = "unknown";
                }

                return new SolverAnswer(SolverStatus.Unknown, reason is "timeout" or "canceled" ? (sliced ? SliceReason() : TimeoutReason(false)) : $"solver unknown: {reason}");
            }

            default:
                return new SolverAnswer(SolverStatus.Unknown, $"no answer to check-sat: {string.Join(' ', output)}");
        }
    }

    /// <summary>Sends a command that answers (get-value, get-model) and returns its answer as one text.</summary>
    public string Query(string command)
    {
        var limit = deadline is { } end ? Max(end - DateTime.UtcNow, TimeSpan.Zero) + KillGrace : QueryLimit;
        var (ok, output) = Ask(command, false, limit);
        if (!ok)
        {
            throw new SolverException($"no answer to {Shorten(command)}: {string.Join(' ', output)}");
        }

        var text = string.Join('\n', output).Trim();
        if (text.StartsWith("(error", StringComparison.Ordinal))
        {
            throw new SolverException($"solver error on {Shorten(command)}: {Shorten(text)}");
        }

        if (text.Length == 0)
        {
            throw new SolverException($"empty answer to {Shorten(command)}");
        }

        return text;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "...)" : text;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private (bool Ok, List<string> Output) Ask(string command, bool checkSat, TimeSpan? limit)
    {
        cancellation.ThrowIfCancellationRequested();
        Send($"{command}\n(echo \"{Marker}\")");
        var output = new List<string>();
        if (dead)
        {
            return (false, [$"the solver has exited{StderrSuffix()}"]);
        }

        try
        {
            input.Flush();
        }
        catch (IOException)
        {
            dead = true;
            return (false, [$"the solver has exited{StderrSuffix()}"]);
        }

        var checker = new ReplyChecker(checkSat);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var remaining = limit is { } l ? l - watch.Elapsed : Timeout.InfiniteTimeSpan;
            if (limit is not null && remaining <= TimeSpan.Zero)
            {
                Kill();
                return (false, [$"{TimeoutReason(true)}"]);
            }

            string? line;
            try
            {
                // Wake up once a second to say how long the solver has been silent.
                var wait = limit is null ? (waiting is null ? Timeout.Infinite : 1000) : (int)Math.Ceiling(remaining.TotalMilliseconds);
                if (waiting is not null)
                {
                    wait = wait == Timeout.Infinite ? 1000 : Math.Min(wait, 1000);
                }

                if (!lines.TryTake(out line, wait, cancellation))
                {
                    waiting?.Invoke(watch.Elapsed);
                    continue;
                }
            }
            catch (OperationCanceledException)
            {
                Kill();
                throw;
            }

            if (line is null)
            {
                dead = true;
                return (false, [SolverRegistry.Interruption is { } why ? $"the solver was stopped: {why}" : $"the solver exited unexpectedly{StderrSuffix()}"]);
            }

            if (line.Trim() == Marker)
            {
                return (true, output);
            }

            if (checker.Reject(line) is { } garbage)
            {
                Kill();
                return (false, [garbage]);
            }

            output.Add(line);
        }
    }

    private string TimeoutReason(bool killed)
    {
        var limit = timeout is { } t ? $"--timeout {t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s for the whole run" : "the run's time limit";
        return $"solver timeout ({limit}{(killed ? "; the solver was killed" : string.Empty)})";
    }

    private static string SliceReason() => "solver timeout (this call's share of the run's time)";

    private string StderrSuffix()
    {
        lock (errorOutput)
        {
            var text = errorOutput.ToString().Trim();
            if (text.Length > 300)
            {
                text = text[..300] + "...";
            }

            return text.Length == 0 ? string.Empty : $": {text}";
        }
    }

    private void Kill()
    {
        dead = true;
        SolverRegistry.Kill(process);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (DumpFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(DumpFile))!);
            File.WriteAllText(DumpFile, transcript.ToString());
        }

        if (!dead)
        {
            try
            {
                input.WriteLine("(exit)");
                input.Flush();
                input.Close();
            }
            catch (IOException)
            {
                // The solver is already gone: nothing to close.
            }

            // z3 leaves at once on (exit); a solver that does not is ended.
            if (!process.WaitForExit(1000))
            {
                Kill();
                process.WaitForExit(1000);
            }
        }
        else
        {
            process.WaitForExit(1000);
        }

        SolverRegistry.Remove(process);
        process.Dispose();
        lines.Dispose();
    }
}
