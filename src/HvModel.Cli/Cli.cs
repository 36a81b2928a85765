using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using HvModel.Core.Checking;
using HvModel.Core.Printing;
using HvModel.Core.Text;
using HvModel.Core.Traces;
using HvModel.Symbolic.Smt;

namespace HvModel.Cli;

/// <summary>
/// Entry point. Exit codes by class: 0 every verdict as expected, 1 a verdict differs,
/// 2 bad input (usage, syntax, names, types, a model error at run time), 3 inconclusive or an
/// internal error (a limit, a timeout, solver unknown, a trace that does not replay).
/// </summary>
public static class Cli
{
    public static string Version { get; } =
        typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static int Main(string[] args)
    {
        var root = new RootCommand("hvmodel: an explicit-state and SMT-based model checker for guarded-command models")
        {
            CheckCommand.Create(),
            CounterexamplesCommand.Create(),
            GraphCommand.Create(),
            AblateCommand.Create(),
            DiffCommand.Create(),
            GateCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                Console.Error.WriteLine($"hvmodel: error: {e.Message}");
            }

            return 2;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ModelError e)
        {
            Console.Error.WriteLine(e.Format());
            return 2;
        }
        catch (ModelRuntimeFailure f)
        {
            Console.Error.WriteLine(f.Error.Format());
            Console.Error.WriteLine(RuntimeFailureReport(f));
            return 2;
        }
        catch (Z3NotFoundException e)
        {
            Console.Error.WriteLine($"hvmodel: error: {e.Message}");
            return 3;
        }
        catch (SolverException e)
        {
            // The solver died or stalled after an answer, e.g. while giving its model.
            Console.Error.WriteLine($"hvmodel: error: the solver failed: {e.Message}");
            return 3;
        }
        catch (TraceReplayException e)
        {
            Console.Error.WriteLine($"hvmodel: internal error: a counterexample does not replay: {e.Message}");
            return 3;
        }
    }

    public static int UsageError(string message)
    {
        Console.Error.WriteLine($"hvmodel: error: {message}");
        return 2;
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
