using Stopwatch = System.Diagnostics.Stopwatch;
using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Core.Traces;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Smt;
using HvModel.Symbolic.Translation;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// The check of one variant by one engine: its goals (the properties asked for, and deadlock
/// freedom when checked), the board where their verdicts are written as they are found, and
/// what the engine needs to open solvers and to build results.
/// </summary>
internal sealed class VariantRun
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly string? solverPath;
    private readonly Dictionary<string, int> sessions = [];
    private string lastProgress = string.Empty;

    /// <param name="engine">The engine's name, for results and dumps.</param>
    /// <param name="model">The model.</param>
    /// <param name="variant">The variant checked.</param>
    /// <param name="goals">What to decide.</param>
    /// <param name="options">The run's limits and switches.</param>
    /// <param name="solverPath">The z3 program; null for the default.</param>
    /// <param name="proofs">How integers are encoded for proofs (Spacer's Horn clauses, the induction step).</param>
    /// <param name="paths">How integers are encoded for paths from the initial states (BMC and the base cases).</param>
    public VariantRun(string engine, Model model, Variant variant, IReadOnlyList<Goal> goals, CheckOptions options, string? solverPath, SmtArithmetic proofs, SmtArithmetic paths)
    {
        Engine = engine;
        Model = model;
        Variant = variant;
        Goals = goals;
        Options = options;
        this.solverPath = solverPath;
        Encoder = new ModelEncoder(model, variant, proofs);
        PathEncoder = ReferenceEquals(proofs, paths) ? Encoder : new ModelEncoder(model, variant, paths);
        Board = new GoalBoard(goals);
    }

    public string Engine { get; }

    public Model Model { get; }

    public Variant Variant { get; }

    public IReadOnlyList<Goal> Goals { get; }

    public CheckOptions Options { get; }

    /// <summary>The encoding for proofs: Horn clauses, induction steps.</summary>
    public ModelEncoder Encoder { get; }

    /// <summary>The encoding for paths from the initial states: BMC, base cases, completeness thresholds.</summary>
    public ModelEncoder PathEncoder { get; }

    /// <summary>The verdicts found so far; an engine's halves write to it as they find them.</summary>
    public GoalBoard Board { get; }

    /// <summary>
    /// Starts a solver; its session goes to the dump folder (if any) as ENGINE-VARIANT-ROLE.smt2.
    /// <paramref name="cancellation"/> stops it early (one half of a portfolio, one goal's slice).
    /// </summary>
    public Z3Process OpenSolver(string role, CancellationToken? cancellation = null)
    {
        string? dump = null;
        if (Options.DumpSmtDirectory is { } dir)
        {
            // Numbered per role, so that a name does not depend on which half of a portfolio
            // opened its solver first: the first session of a role has no number.
            int n;
            lock (sessions)
            {
                n = sessions[role] = sessions.GetValueOrDefault(role) + 1;
            }

            dump = Path.Combine(dir, $"{Engine}-{SafeFileName.ScriptPart(Variant.Name)}-{SafeFileName.ScriptPart(role)}{(n > 1 ? $"-{n}" : string.Empty)}.smt2");
        }

        // A portfolio runs two solvers beside hvmodel itself: each gets a quarter of --max-memory.
        var memory = Options.MaxMemoryBytes is { } max ? (max / 4) >> 20 : (long?)null;
        return new Z3Process(solverPath, Options.Timeout, dump, Options.Deadline, Silent, memory, cancellation ?? Options.Cancellation);
    }

    /// <summary>
    /// A solver for unrollings of <paramref name="encoder"/> alone, told the encoding's logic
    /// (see <see cref="SmtArithmetic.Logic"/>): nothing but that encoding's terms may be sent to it.
    /// </summary>
    public Z3Process OpenPathSolver(string role, ModelEncoder encoder, CancellationToken? cancellation = null)
    {
        var solver = OpenSolver(role, cancellation);
        if (encoder.Arithmetic.Logic is { } logic)
        {
            solver.Send($"(set-logic {logic})");
        }

        return solver;
    }

    /// <summary>
    /// Re-checks a claim's obligations, each in a fresh solver process (dumped as ROLE
    /// "cert-GOAL-NAME"), by z3, and by cvc5 too when it is installed and <paramref name="unrolled"/>
    /// is false (within a budget relative to z3's time: see <see cref="CertificateChecker.SecondBudget"/>),
    /// then the checks that need no solver (the explicit engine's evaluation of an invariant).
    /// </summary>
    /// <remarks>
    /// Unrolled obligations (k-induction's base and step, bmc's threshold) skip cvc5: cvc5 1.0
    /// takes 50 to 500 times z3's time on those bit-vector paths (2.7 s and 25 s against 0.05 s
    /// on refcount's at k = 10), so it is left out, and the certificate says so.
    /// </remarks>
    public Certificate Certify(Goal goal, string subject, IEnumerable<ProofObligation> obligations, IReadOnlyList<StateCheck>? stateChecks = null, bool unrolled = false) =>
        Certify([goal], subject, obligations, stateChecks, unrolled);

    /// <summary>The certificate of a claim that covers several goals at once (one invariant for all).</summary>
    public Certificate Certify(IReadOnlyList<Goal> goals, string subject, IEnumerable<ProofObligation> obligations, IReadOnlyList<StateCheck>? stateChecks = null, bool unrolled = false)
    {
        var about = goals.Count == 1 ? goals[0].Name : "joint";
        Progress($"{(goals.Count == 1 ? about : $"{goals.Count} goals")}: re-checking the {subject}");
        var second = SecondSolvers.Default;
        var checker = new CertificateChecker(name => OpenSolver($"cert-{about}-{name}"), Z3Process.ShortName(solverPath))
        {
            Second = unrolled ? null : second,
            SecondLeftOut = unrolled && second is not null ? $"{second.Name} not run on unrolled paths (many times z3's time on them)" : null,
            Deadline = Options.Deadline,
            Cancellation = Options.Cancellation,
        };
        return checker.Check(subject, obligations, stateChecks);
    }

    /// <summary>The explicit evaluation of an invariant over the slots, when the caller gave reachable states.</summary>
    public IReadOnlyList<StateCheck> ExplicitCheck(InductiveInvariant invariant) =>
        Options.ReachableStates is { } states ? [SlotInvariantCheck.For(Model, invariant, () => states(Model, Variant))] : [];

    public void Progress(string message)
    {
        lastProgress = message;
        Options.Progress?.Invoke($"{Engine} {Variant.Name}: {message}");
    }

    // While a solver is silent, the progress line says for how long (a solver without a time
    // limit may run as long as the user lets it, but the user must see that it does).
    private void Silent(TimeSpan silence) =>
        Options.Progress?.Invoke($"{Engine} {Variant.Name}: {lastProgress}{(lastProgress.Length > 0 ? "; " : string.Empty)}solver call running for {silence.TotalSeconds:0} s");

    public CheckResult Result(Goal goal, Verdict verdict, int depth, string? reason = null, Trace? trace = null) =>
        new(Variant.Name, goal.Name, goal.Kind, Engine, verdict, 0, 0, depth, watch.Elapsed.TotalSeconds, reason, trace);

    public CheckResult Unknown(Goal goal, int depth, string reason) => Result(goal, Verdict.Unknown, depth, reason);

    /// <summary>Decides every goal still open as unknown with <paramref name="reason"/>.</summary>
    public void GiveUp(int depth, string reason)
    {
        foreach (var g in Board.Open)
        {
            Board.TryDecide(g, Unknown(g, depth, reason));
        }
    }

    /// <summary>
    /// The result for a path whose last state reaches the goal's target: a counterexample of an
    /// invariant (a deadlock: a state where no action instance is enabled), a witness of a
    /// cover. Replayed through the evaluator before it is returned.
    /// </summary>
    public CheckResult Reached(Goal goal, Trace trace)
    {
        var semantics = new Semantics(Model, Variant);
        var replayed = TraceReplayer.Replay(semantics, trace, goal.Property);
        if (goal.IsDeadlock)
        {
            var successors = 0;
            var failed = RaisedIn(() => semantics.Successors([.. replayed.Last], (_, _, _) => successors++));
            if (successors > 0 || failed is not null)
            {
                throw new TraceReplayException($"the last state is no deadlock: {(failed is null ? $"{successors} successors" : "an action fails there")}");
            }

            return Result(goal, Verdict.Violated, replayed.Length, "a reachable state has no enabled action", replayed);
        }

        return Result(goal, goal.WhenReached, replayed.Length, null, replayed);
    }

    /// <summary>
    /// A path whose last state raises a model error (in the predicate of a goal still open, or
    /// in an action taken from it) is not a verdict: like the explicit engine, the engine stops
    /// with a <see cref="ModelRuntimeFailure"/> carrying the evaluator's own error, the replayed
    /// path to the state and the failing action instance. The evaluator must raise the error, or
    /// the encoding is wrong.
    /// </summary>
    public ModelRuntimeFailure ModelError(Trace trace, IEnumerable<Goal> open)
    {
        var semantics = new Semantics(Model, Variant);
        var replayed = TraceReplayer.Replay(semantics, trace, null);
        var last = replayed.Last.ToArray();
        foreach (var p in open.Select(g => g.Property).OfType<PropertyDef>())
        {
            if (RaisedIn(() => semantics.Holds(p, last)) is { } inProperty)
            {
                return new ModelRuntimeFailure(Model, inProperty, replayed, null, [], Variant.Name);
            }
        }

        if (RaisedIn(() => semantics.Successors(last, (_, _, _) => { })) is { } inAction)
        {
            return new ModelRuntimeFailure(Model, inAction, replayed, semantics.CurrentAction, semantics.CurrentArgs, Variant.Name);
        }

        throw new TraceReplayException($"the solver reports a model error after step {replayed.Length} that the evaluator does not raise");
    }

    /// <summary>The failure when the init block itself raises a model error.</summary>
    public ModelRuntimeFailure InitError()
    {
        var semantics = new Semantics(Model, Variant);
        var error = RaisedIn(() => semantics.InitialStates(_ => { }))
            ?? throw new TraceReplayException("the solver reports a model error in the init block that the evaluator does not raise");
        return new ModelRuntimeFailure(Model, error, new Trace([]), null, [], Variant.Name);
    }

    private static ModelRuntimeError? RaisedIn(Action run)
    {
        try
        {
            run();
            return null;
        }
        catch (ModelRuntimeError e)
        {
            return e;
        }
    }

    public static string Describe(SolverAnswer answer, int depth) => $"{answer.Reason} at depth {depth}";
}
