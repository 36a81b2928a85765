namespace HvModel.Export.Aiger;

/// <summary>
/// An and-inverter graph under construction: inputs, latches and two-input AND gates over
/// literals numbered as AIGER numbers them (variable v is literal 2v, its negation 2v+1;
/// literal 0 is false and 1 is true). AND gates are hashed structurally, so building the same
/// gate twice gives the same literal, and constants and trivial cases fold as they are built:
/// the exporter relies on that to recognise a slot that a step leaves alone (its next literal
/// is its current one) and a value known while exporting (its bits are constants).
/// </summary>
public sealed class Aig
{
    public const int False = 0;
    public const int True = 1;

    // Per variable (index 0 is the constant): its kind, and for an AND gate its two fan-ins.
    private readonly List<NodeKind> kinds = [NodeKind.Constant];
    private readonly List<(int A, int B)> fanIns = [(0, 0)];
    private readonly Dictionary<(int A, int B), int> hashed = [];
    private readonly List<int> inputs = [];
    private readonly List<int> latches = [];
    private readonly List<int> latchNext = [];

    private enum NodeKind : byte
    {
        Constant,
        Input,
        Latch,
        And,
    }

    /// <summary>The literals of the inputs, in creation order (AIGER's input order).</summary>
    public IReadOnlyList<int> Inputs => inputs;

    /// <summary>The literals of the latches, in creation order (AIGER's latch order).</summary>
    public IReadOnlyList<int> Latches => latches;

    /// <summary>The next-state literal of each latch, by position.</summary>
    public IReadOnlyList<int> LatchNext => latchNext;

    /// <summary>Number of AND gates built (before the writer drops those no output needs).</summary>
    public int AndCount => hashed.Count;

    public static int Not(int a) => a ^ 1;

    public static bool IsConstant(int a) => a <= True;

    public int NewInput()
    {
        var lit = NewVar(NodeKind.Input, (0, 0));
        inputs.Add(lit);
        return lit;
    }

    /// <summary>A latch whose value is 0 in the initial state; its next literal is set later.</summary>
    public int NewLatch()
    {
        var lit = NewVar(NodeKind.Latch, (0, 0));
        latches.Add(lit);
        latchNext.Add(False);
        return lit;
    }

    public void SetNext(int latchPosition, int next) => latchNext[latchPosition] = next;

    public int And(int a, int b)
    {
        if (a > b)
        {
            (a, b) = (b, a);
        }

        if (a == False || a == Not(b))
        {
            return False;
        }

        if (a == True || a == b)
        {
            return b;
        }

        if (hashed.TryGetValue((a, b), out var known))
        {
            return known;
        }

        var lit = NewVar(NodeKind.And, (a, b));
        hashed[(a, b)] = lit;
        return lit;
    }

    public int Or(int a, int b) => Not(And(Not(a), Not(b)));

    public int Implies(int a, int b) => Or(Not(a), b);

    public int Xor(int a, int b)
    {
        if (IsConstant(a))
        {
            return a == True ? Not(b) : b;
        }

        if (IsConstant(b))
        {
            return b == True ? Not(a) : a;
        }

        return a == b ? False : a == Not(b) ? True : Or(And(a, Not(b)), And(Not(a), b));
    }

    public int Iff(int a, int b) => Not(Xor(a, b));

    /// <summary><paramref name="c"/> ? <paramref name="t"/> : <paramref name="e"/>.</summary>
    public int Mux(int c, int t, int e)
    {
        if (t == e || c == True)
        {
            return t;
        }

        if (c == False)
        {
            return e;
        }

        return t == True ? Or(c, e) : t == False ? And(Not(c), e)
            : e == True ? Or(Not(c), t) : e == False ? And(c, t)
            : Or(And(c, t), And(Not(c), e));
    }

    public int AndAll(IEnumerable<int> items)
    {
        var result = True;
        foreach (var x in items)
        {
            result = And(result, x);
            if (result == False)
            {
                return False;
            }
        }

        return result;
    }

    public int OrAll(IEnumerable<int> items) => Not(AndAll(items.Select(Not)));

    /// <summary>True when variable <paramref name="v"/> is an AND gate; its fan-ins are then <see cref="FanIns"/>.</summary>
    public bool IsAnd(int v) => kinds[v] == NodeKind.And;

    public (int A, int B) FanIns(int v) => fanIns[v];

    /// <summary>Number of variables, the constant included: AND gates are numbered after their fan-ins.</summary>
    public int VariableCount => kinds.Count;

    private int NewVar(NodeKind kind, (int, int) fanIn)
    {
        kinds.Add(kind);
        fanIns.Add(fanIn);
        return 2 * (kinds.Count - 1);
    }
}
