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

/// <summary>The check of one property by one engine: what it needs to open solvers and to build results.</summary>
internal sealed class PropertyRun(string engine, Model model, Variant variant, PropertyDef property, CheckOptions options, string? solverPath)
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private int sessions;
    private string lastProgress = string.Empty;

    public string Engine { get; } = engine;

    public Model Model { get; } = model;

    public Variant Variant { get; } = variant;

    public PropertyDef Property { get; } = property;

    public CheckOptions Options { get; } = options;

    public ModelEncoder Encoder { get; } = new(model, variant);

    /// <summary>Starts a solver; its session goes to the dump folder (if any) as ENGINE-VARIANT-PROPERTY-ROLE.smt2.</summary>
    public Z3Process OpenSolver(string role)
    {
        string? dump = null;
        if (Options.DumpSmtDirectory is { } dir)
        {
            sessions++;
            dump = Path.Combine(dir, $"{Engine}-{SafeFileName.Part(Variant.Name)}-{SafeFileName.Part(Property.Name)}-{role}{(sessions > 1 ? $"-{sessions}" : string.Empty)}.smt2");
        }

        // A portfolio runs two solvers beside hvmodel itself: each gets a quarter of --max-memory.
        var memory = Options.MaxMemoryBytes is { } max ? (max / 4) >> 20 : (long?)null;
        return new Z3Process(solverPath, Options.Timeout, dump, Options.Deadline, Silent, memory, Options.Cancellation);
    }

    /// <summary>
    /// Re-checks a claim's obligations, each in a fresh solver process (dumped as ROLE
    /// "cert-NAME"), by z3 and by cvc5 when it is installed, then the checks that need no solver
    /// (the explicit engine's evaluation of an invariant).
    /// </summary>
    public Certificate Certify(string subject, IEnumerable<ProofObligation> obligations, IReadOnlyList<StateCheck>? stateChecks = null)
    {
        Progress($"re-checking the {subject}");
        var checker = new CertificateChecker(name => OpenSolver($"cert-{name}"), Z3Process.ShortName(solverPath))
        {
            Second = SecondSolvers.Default,
            Deadline = Options.Deadline,
            Cancellation = Options.Cancellation,
        };
        return checker.Check(subject, obligations, stateChecks);
    }

    /// <summary>The explicit evaluation of an invariant over the slots, when the caller gave reachable states.</summary>
    public IReadOnlyList<StateCheck> ExplicitCheck(InductiveInvariant invariant) =>
        Options.ReachableStates is { } states ? [SlotInvariantCheck.For(Model, invariant, () => states(Model, Variant))] : [];

    /// <summary>The same check with its own cancellation (one half of a portfolio).</summary>
    public PropertyRun WithCancellation(CancellationToken token) =>
        new(Engine, Model, Variant, Property, Options with { Cancellation = token }, solverPath);

    public void Progress(string message)
    {
        lastProgress = message;
        Options.Progress?.Invoke($"{Engine} {Variant.Name} {Property.Name}: {message}");
    }

    // While a solver is silent, the progress line says for how long (a solver without a time
    // limit may run as long as the user lets it, but the user must see that it does).
    private void Silent(TimeSpan silence) =>
        Options.Progress?.Invoke($"{Engine} {Variant.Name} {Property.Name}: {lastProgress}{(lastProgress.Length > 0 ? "; " : string.Empty)}solver silent for {silence.TotalSeconds:0} s");

    public CheckResult Result(Verdict verdict, int depth, string? reason = null, Trace? trace = null) =>
        new(Variant.Name, Property.Name, Property.Kind, Engine, verdict, 0, 0, depth, watch.Elapsed.TotalSeconds, reason, trace);

    public CheckResult Unknown(int depth, string reason, Trace? trace = null) => Result(Verdict.Unknown, depth, reason, trace);

    /// <summary>
    /// The result for a path whose last state reaches the property's target: a counterexample of
    /// an invariant, a witness of a cover. Replayed through the evaluator before it is returned.
    /// </summary>
    public CheckResult Reached(Trace trace)
    {
        var replayed = TraceReplayer.Replay(new Semantics(Model, Variant), trace, Property);
        return Property.Kind == PropertyKind.Invariant
            ? Result(Verdict.Violated, replayed.Length, null, replayed)
            : Result(Verdict.Holds, replayed.Length, null, replayed);
    }

    /// <summary>
    /// A path whose last state raises a model error (in the property, or in an action taken from
    /// it) is not a verdict: like the explicit engine, the engine stops with a
    /// <see cref="ModelRuntimeFailure"/> carrying the evaluator's own error, the replayed path to
    /// the state and the failing action instance. The evaluator must raise the error, or the
    /// encoding is wrong.
    /// </summary>
    public ModelRuntimeFailure ModelError(Trace trace)
    {
        var semantics = new Semantics(Model, Variant);
        var replayed = TraceReplayer.Replay(semantics, trace, null);
        var last = replayed.Last.ToArray();
        if (RaisedIn(() => semantics.Holds(Property, last)) is { } inProperty)
        {
            return new ModelRuntimeFailure(Model, inProperty, replayed, null, [], Variant.Name);
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
