namespace HvModel.Core.Patches;

/// <summary>
/// Every way the lines after a hunk header can be read so that they fill the header's counts and
/// the hunk then ends (at the end of the mail, a header, a signature, a blank line or the reply's
/// own text). A reading costs one for each line it takes as the tail of a wrapped line, so the
/// plain reading wins when it fits; two cheapest readings mean the mail does not say which is
/// meant, and the line where they part is refused.
/// </summary>
/// <remarks>
/// A state is what is left of the counts and what the line before was (a wrapped tail continues a
/// line with text). The states of each line are found forwards, then weighed backwards: the
/// cheapest cost from a state to an end and how many readings have it (counted up to two).
/// </remarks>
internal sealed class HunkReadings
{
    // How many more wrapped tails than the fewest a reading alive may have (see Bound).
    private const int MaxJoinsOverLeast = 16;

    private readonly HunkLines _lines;
    private readonly bool _mangled;
    private readonly State _start;

    // Layer k holds the states at line First + k and the steps out of each.
    private readonly List<Dictionary<State, Step[]>> _layers = [];
    private readonly List<Dictionary<State, Weight>> _weights = [];

    public HunkReadings(HunkLines lines, HunkHeader counts, bool mangled)
    {
        _lines = lines;
        _mangled = mangled;
        _start = new State(counts.OldCount, counts.NewCount, Prev.None, 0);
        Explore();
        WeighAll();
    }

    private enum Prev
    {
        None,
        Context,
        Changed,
    }

    private enum Move
    {
        Context,
        Added,
        Removed,
        Continuation,
        Skip,
        End,
    }

    /// <summary>The only cheapest reading and the index of the line after the hunk; null when none fits.</summary>
    /// <exception cref="Text.ModelError">Two cheapest readings: the line where they part.</exception>
    public (IReadOnlyList<ReadLine> Lines, int Next)? Best()
    {
        if (_weights[0][_start].Ways == 0)
        {
            return null;
        }

        var read = new List<ReadLine>();
        var state = _start;
        for (var k = 0; ; k++)
        {
            var j = _lines.First + k;
            var cost = _weights[k][state].Cost;
            var cheapest = _layers[k][state].Where(s => WeightOf(k, s) is { Ways: > 0 } w && w.Cost == cost).ToList();
            if (cheapest.Count > 1)
            {
                throw Ambiguous(j, cheapest);
            }

            var step = cheapest[0];
            Apply(step.Move, j, read);
            if (step.Move == Move.End)
            {
                return (read, j);
            }

            state = step.Next;
        }
    }

    /// <summary>The furthest line any reading reached, and the least of the counts left there.</summary>
    public (int Line, int Old, int New) Furthest()
    {
        var k = _layers.Count - 1;
        var least = _layers[k].Keys.MinBy(s => s.Old + s.New);
        return (_lines.First + k, least.Old, least.New);
    }

    private void Explore()
    {
        var frontier = new HashSet<State> { _start };
        for (var j = _lines.First; frontier.Count > 0; j++)
        {
            var layer = new Dictionary<State, Step[]>();
            var next = new HashSet<State>();
            foreach (var state in frontier)
            {
                var steps = Steps(j, state);
                layer[state] = steps;
                next.UnionWith(steps.Where(s => s.Move != Move.End).Select(s => s.Next));
            }

            _layers.Add(layer);
            Bound(next);
            frontier = next;
        }
    }

    // In a mangled hunk every unmarked line under a changed one may be a wrapped tail, and each
    // such choice keeps a state alive: a long hunk would have thousands. A reading with many more
    // joins than another one alive is not what any mailer did, so those states are dropped.
    private static void Bound(HashSet<State> states)
    {
        if (states.Count > 0)
        {
            var least = states.Min(s => s.Joins);
            states.RemoveWhere(s => s.Joins > least + MaxJoinsOverLeast);
        }
    }

    private void WeighAll()
    {
        _weights.AddRange(_layers.Select(_ => new Dictionary<State, Weight>()));
        for (var k = _layers.Count - 1; k >= 0; k--)
        {
            foreach (var (state, steps) in _layers[k])
            {
                var best = new Weight(int.MaxValue, 0);
                foreach (var step in steps)
                {
                    var w = WeightOf(k, step);
                    if (w.Ways == 0 || w.Cost > best.Cost)
                    {
                        continue;
                    }

                    best = w.Cost < best.Cost ? w : new Weight(best.Cost, Math.Min(2, best.Ways + w.Ways));
                }

                _weights[k][state] = best;
            }
        }
    }

    private Weight WeightOf(int k, Step step)
    {
        if (step.Move == Move.End)
        {
            return new Weight(0, 1);
        }

        // A state Bound dropped leads nowhere.
        if (!_weights[k + 1].TryGetValue(step.Next, out var after) || after.Ways == 0)
        {
            return new Weight(int.MaxValue, 0);
        }

        return new Weight(after.Cost + (step.Move == Move.Continuation ? 1 : 0), after.Ways);
    }

    private Step[] Steps(int j, State s)
    {
        var shape = _lines.ShapeOf(j);
        if (s.Old == 0 && s.New == 0)
        {
            return shape switch
            {
                LineShape.Outside or LineShape.Reply or LineShape.Structural or LineShape.Blank => [new Step(Move.End, s)],
                LineShape.NoNewline => [new Step(Move.Skip, s with { Prev = Prev.None })],

                // The tail of the hunk's last line, wrapped.
                LineShape.Unmarked when Continues(s.Prev) => [new Step(Move.Continuation, s with { Joins = s.Joins + 1 })],
                _ => [],
            };
        }

        var both = s.Old > 0 && s.New > 0;
        var changed = _lines.Content(j).Length > 1 && !string.IsNullOrWhiteSpace(_lines.Content(j)[1..]) ? Prev.Changed : Prev.None;
        var context = s with { Old = s.Old - 1, New = s.New - 1, Prev = string.IsNullOrWhiteSpace(_lines.Content(j)) ? Prev.None : Prev.Context };
        return shape switch
        {
            LineShape.Reply or LineShape.NoNewline => [new Step(Move.Skip, s with { Prev = Prev.None })],
            LineShape.Blank or LineShape.Marked when both => [new Step(Move.Context, context)],
            LineShape.Added when s.New > 0 => [new Step(Move.Added, s with { New = s.New - 1, Prev = changed })],
            LineShape.Removed when s.Old > 0 => [new Step(Move.Removed, s with { Old = s.Old - 1, Prev = changed })],
            LineShape.Unmarked => UnmarkedSteps(s, both, context),
            _ => [],
        };
    }

    private Step[] UnmarkedSteps(State s, bool both, State context)
    {
        var steps = new List<Step>(2);
        if (_mangled && both)
        {
            steps.Add(new Step(Move.Context, context));
        }

        if (Continues(s.Prev))
        {
            steps.Add(new Step(Move.Continuation, s with { Joins = s.Joins + 1 }));
        }

        return [.. steps];
    }

    // What a line without marker may continue: in a clean hunk any line with text (it cannot be
    // context there); in a mangled one only a changed line, since there it can also be context and
    // a context line's tail could not be told from the next context line.
    private bool Continues(Prev prev) => _mangled ? prev == Prev.Changed : prev != Prev.None;

    private void Apply(Move move, int j, List<ReadLine> read)
    {
        var content = _lines.Content(j);
        switch (move)
        {
            case Move.Context:
                read.Add(new ReadLine(DiffLineKind.Context, content.Trim(), j + 1));
                break;
            case Move.Added:
                read.Add(new ReadLine(DiffLineKind.Added, content[1..].Trim(), j + 1));
                break;
            case Move.Removed:
                read.Add(new ReadLine(DiffLineKind.Removed, content[1..].Trim(), j + 1));
                break;
            case Move.Continuation:
                // Mailers wrap at a space, which the join puts back.
                read[^1] = read[^1] with { Text = $"{read[^1].Text} {content.Trim()}" };
                break;
        }
    }

    private Text.ModelError Ambiguous(int j, List<Step> steps)
    {
        var ways = string.Join(" or as ", steps.Select(s => s.Move switch
        {
            Move.Continuation => "the tail of the line above, wrapped by a mailer",
            Move.Context => "a context line",
            _ => s.Move.ToString().ToLowerInvariant(),
        }));
        return _lines.Text.Error(j,
            $"this line reads as {ways}, and the counts of the hunk at line {_lines.Header + 1} fit both; join the wrapped line and read again");
    }

    // Joins (wrapped tails taken so far) is fixed by the line and Old, so it splits no state; it
    // is there to bound the search.
    private readonly record struct State(int Old, int New, Prev Prev, int Joins);

    private readonly record struct Step(Move Move, State Next);

    private readonly record struct Weight(int Cost, int Ways);
}
