using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HvModel.Symbolic.Smt;

/// <summary>
/// One running <c>z3 -in</c> that reads SMT-LIB2 on stdin and answers on stdout. Every command
/// batch that expects an answer is followed by an <c>(echo ...)</c> marker, so the answer is
/// everything up to the marker, including any <c>(error ...)</c> lines of earlier commands.
/// The per-call time limit is given to z3 (<c>:timeout</c>) and enforced again by killing the
/// process, since a solver that hangs must not hang the checker. Everything sent is kept, and
/// written to <see cref="DumpFile"/> on dispose, as a script that <c>z3 FILE</c> re-runs.
/// </summary>
public sealed class Z3Process : IDisposable
{
    private const string Marker = "hvmodel-sync";

    // Extra time z3 gets past its own :timeout before it is killed (1 to 5 s, like the limit itself).
    private readonly TimeSpan killGrace;

    private static readonly ConcurrentDictionary<string, string> Versions = new();

    private readonly Process process;
    private readonly BlockingCollection<string?> lines = [];
    private readonly StringBuilder transcript = new();
    private readonly StringBuilder errorOutput = new();
    private readonly StreamWriter input;
    private readonly TimeSpan? timeout;
    private readonly CancellationToken cancellation;
    private bool dead;
    private bool disposed;

    /// <param name="executable">The z3 program; null for <see cref="DefaultExecutable"/>.</param>
    /// <param name="timeout">Limit for each <c>check-sat</c>; null for none.</param>
    /// <param name="dumpFile">Where the whole session is written on dispose; null for nowhere.</param>
    /// <param name="cancellation">Stops a wait for an answer (the process is killed).</param>
    public Z3Process(string? executable = null, TimeSpan? timeout = null, string? dumpFile = null, CancellationToken cancellation = default)
    {
        Executable = executable ?? DefaultExecutable;
        this.timeout = timeout;
        killGrace = TimeSpan.FromSeconds(Math.Clamp(timeout?.TotalSeconds ?? 5, 1, 5));
        this.cancellation = cancellation;
        DumpFile = dumpFile;
        var info = new ProcessStartInfo(Executable, "-in")
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
        if (timeout is { } t)
        {
            Send($"(set-option :timeout {Math.Max(1, (long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary>The z3 program used when none is given: <c>$HVMODEL_Z3</c>, else <c>z3</c> on the PATH.</summary>
    public static string DefaultExecutable => Environment.GetEnvironmentVariable("HVMODEL_Z3") is { Length: > 0 } z ? z : "z3";

    public string Executable { get; }

    public string? DumpFile { get; }

    /// <summary>Number of <c>check-sat</c> calls made.</summary>
    public int Checks { get; private set; }

    /// <summary>The solver's version line, e.g. "Z3 version 4.8.12 - 64 bit"; throws <see cref="Z3NotFoundException"/> when z3 is missing.</summary>
    public static string Version(string? executable = null)
    {
        var exe = executable ?? DefaultExecutable;
        return Versions.GetOrAdd(exe, static e =>
        {
            var info = new ProcessStartInfo(e, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            try
            {
                using var p = Process.Start(info) ?? throw new Z3NotFoundException(e);
                var text = p.StandardOutput.ReadToEnd().Trim();
                p.WaitForExit();
                return text;
            }
            catch (Win32Exception ex)
            {
                throw new Z3NotFoundException(e, ex);
            }
        });
    }

    /// <summary>Sends commands that answer nothing (declarations, assertions, push/pop).</summary>
    public void Send(string commands)
    {
        transcript.AppendLine(commands);
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

    /// <summary>Runs <c>(check-sat)</c> within the time limit.</summary>
    public SolverAnswer CheckSat()
    {
        Checks++;
        var (ok, output) = Ask("(check-sat)", timeout is { } t ? t + killGrace : null);
        if (!ok)
        {
            return new SolverAnswer(SolverStatus.Unknown, string.Join(' ', output));
        }

        var error = output.FirstOrDefault(l => l.StartsWith("(error", StringComparison.Ordinal));
        if (error is not null)
        {
            return new SolverAnswer(SolverStatus.Unknown, $"solver error: {error}");
        }

        switch (output.LastOrDefault()?.Trim())
        {
            case "sat":
                return SolverAnswer.Sat;
            case "unsat":
                return SolverAnswer.Unsat;
            case "unknown":
            {
                var (_, why) = Ask("(get-info :reason-unknown)", killGrace);
                var reason = string.Join(' ', why).Trim();
                reason = reason.Replace("(:reason-unknown", string.Empty, StringComparison.Ordinal).Trim(' ', ')', '"');
                if (reason.Length == 0)
                {
                    reason = "unknown";
                }

                return new SolverAnswer(SolverStatus.Unknown, reason is "timeout" or "canceled" ? $"solver timeout ({Describe(timeout)})" : $"solver unknown: {reason}");
            }

            default:
                return new SolverAnswer(SolverStatus.Unknown, $"unexpected solver output: {string.Join(' ', output)}");
        }
    }

    /// <summary>Sends a command that answers (get-value, get-model) and returns its answer as one text.</summary>
    public string Query(string command)
    {
        var (ok, output) = Ask(command, killGrace + (timeout ?? TimeSpan.FromSeconds(60)));
        if (!ok)
        {
            throw new SolverException($"no answer to {command}: {string.Join(' ', output)}");
        }

        var text = string.Join('\n', output);
        if (text.StartsWith("(error", StringComparison.Ordinal))
        {
            throw new SolverException($"solver error on {command}: {text}");
        }

        return text;
    }

    private (bool Ok, List<string> Output) Ask(string command, TimeSpan? limit)
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

        var watch = Stopwatch.StartNew();
        while (true)
        {
            var remaining = limit is { } l ? l - watch.Elapsed : Timeout.InfiniteTimeSpan;
            if (limit is not null && remaining <= TimeSpan.Zero)
            {
                Kill();
                return (false, [$"solver timeout ({Describe(timeout)}; killed)"]);
            }

            string? line;
            try
            {
                var wait = limit is null ? Timeout.Infinite : (int)Math.Ceiling(remaining.TotalMilliseconds);
                if (!lines.TryTake(out line, wait, cancellation))
                {
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
                return (false, [$"the solver exited unexpectedly{StderrSuffix()}"]);
            }

            if (line.Trim() == Marker)
            {
                return (true, output);
            }

            output.Add(line);
        }
    }

    private static string Describe(TimeSpan? t) =>
        t is { } v ? $"limit {v.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s per call" : "no limit";

    private string StderrSuffix()
    {
        lock (errorOutput)
        {
            var text = errorOutput.ToString().Trim();
            return text.Length == 0 ? string.Empty : $": {text}";
        }
    }

    private void Kill()
    {
        dead = true;
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
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

            if (!process.WaitForExit(2000))
            {
                Kill();
            }
        }
        else
        {
            process.WaitForExit(2000);
        }

        process.Dispose();
        lines.Dispose();
    }
}
