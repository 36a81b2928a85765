using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Reports;
using HvModel.Core.Text;
using HvModel.Core.Traces;
using HvModel.Symbolic.Smt;

namespace HvModel.Cli;

/// <summary>
/// Entry point. Exit codes by class: 0 every verdict as expected, 1 a verdict differs,
/// 2 bad input (usage, syntax, names, types, a model error at run time, an unusable output
/// path), 3 inconclusive or an internal error (a limit, a timeout, solver unknown, a trace that
/// does not replay). Errors go to stderr as text; with <c>--format json</c> they also come as
/// one JSON document on stdout (see <see cref="JsonReport.RenderErrors"/>).
/// </summary>
public static class Cli
{
    private static readonly List<ReportError> Errors = [];

    public static string Version { get; } =
        typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The model of this run once it is loaded, for the error document.</summary>
    public static Model? LoadedModel { get; set; }

    public static int Main(string[] args)
    {
        Errors.Clear();
        LoadedModel = null;
        var code = Run(args);
        if (Errors.Count > 0 && WantsJson(args))
        {
            Console.Out.Write(JsonReport.RenderErrors(ReportHeader.ToolOnly("hvmodel", Version), LoadedModel, Errors));
        }

        return code;
    }

    public static int UsageError(string message) => Fail(new ReportError("usage", message), $"hvmodel: error: {message}", 2);

    private static int Run(string[] args)
    {
        var root = new RootCommand("hvmodel: an explicit-state and SMT-based model checker for guarded-command models")
        {
            CheckCommand.Create(),
            CounterexamplesCommand.Create(),
            GraphCommand.Create(),
            AblateCommand.Create(),
            ExportCommand.Create(),
            DiffCommand.Create(),
            GateCommand.Create(),
            ReviewCommand.Create(),
            ProveCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                UsageError(Plain(e.Message));
            }

            return 2;
        }

        using var signals = SignalHandling.Install();
        try
        {
            return SignalHandling.ExitCode(parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
        }
        catch (ModelError e)
        {
            return Fail(new ReportError("input", e.Message) { Span = e.Span }, e.Format(), 2);
        }
        catch (ModelRuntimeFailure f)
        {
            LoadedModel = f.Model;
            var error = new ReportError("runtime", f.Error.Message)
            {
                Span = f.Error.Span,
                Variant = f.Variant,
                Step = f.Action is null ? null : StateFormatter.ActionCall(f.Action, [.. f.Args]),
                Trace = f.Trace,
            };
            return Fail(error, f.Error.Format() + Environment.NewLine + RuntimeFailureReport(f), 2);
        }
        catch (Z3NotFoundException e)
        {
            return Fail(new ReportError("solver", e.Message), $"hvmodel: error: {e.Message}", 3);
        }
        catch (SolverException e)
        {
            // The solver died or stalled after an answer, e.g. while giving its model.
            return Fail(new ReportError("solver", $"the solver failed: {e.Message}"), $"hvmodel: error: the solver failed: {e.Message}", 3);
        }
        catch (TraceReplayException e)
        {
            return Fail(new ReportError("internal", $"a counterexample does not replay: {e.Message}"), $"hvmodel: internal error: a counterexample does not replay: {e.Message}", 3);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The last line of defence for output: paths are checked before the work, but a disk
            // can still fill up (/dev/full) or a folder vanish while the run goes on.
            return Fail(new ReportError("output", e.Message), $"hvmodel: error: {e.Message}", 2);
        }
    }

    /// <summary>
    /// A parse error in words a user reads: System.CommandLine names the .NET type it wanted
    /// ("System.Nullable`1[System.Double]"); this names the kind of value instead.
    /// </summary>
    public static string Plain(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$");
        if (!m.Success)
        {
            return message;
        }

        var type = m.Groups["type"].Value;
        var wanted = type.Contains("Double", StringComparison.Ordinal) ? "a number"
            : type.Contains("Int", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : "a value of another kind";
        return $"{m.Groups["option"].Value} takes {wanted}, not '{m.Groups["value"].Value}'";
    }

    private static int Fail(ReportError error, string text, int code)
    {
        Errors.Add(error);
        Console.Error.WriteLine(text);
        return code;
    }

    /// <summary>Whether the command line asks for JSON, read from the raw arguments so that even option errors honour it.</summary>
    private static bool WantsJson(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var json = ReportFormats.Name(ReportFormat.Json);
            if (args[i] == $"--format={json}" || args[i] == $"--format:{json}" || (args[i] == "--format" && i + 1 < args.Length && args[i + 1] == json))
            {
                return true;
            }
        }

        return false;
    }

    private static string RuntimeFailureReport(ModelRuntimeFailure f)
    {
        if (f.Trace.Steps.IsEmpty)
        {
            return $"  (in the initial states of variant {f.Variant})";
        }

        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"  reached in variant {f.Variant} by:");
        TextReport.TraceSteps(sb, f.Model, f.Trace);
        sb.Append(f.Action is null
            ? "  then evaluating a property in the last state fails"
            : $"  then {StateFormatter.ActionCall(f.Action, [.. f.Args])} fails");
        return sb.ToString();
    }
}
