using HvModel.Reports;
using HvModel.Tests.Explicit;

namespace HvModel.Tests.Reports;

/// <summary>The words the DOT header, the GraphML description and graph's summary share.</summary>
public class GraphWordsTests
{
    [Fact]
    public void One_dead_end_is_one_state_without_a_successor()
    {
        var graph = StateGraphTests.Explore("var x: 0 .. 2 = 0\naction step when x < 2 do x := x + 1 end\nallow deadlock");

        Assert.Equal("1 dead end (a state without a successor), 1 terminal component (no edge leaves it, dead ends included)", GraphWords.Ends(graph));
    }

    [Fact]
    public void A_cut_graph_counts_no_ends_and_says_why_it_was_cut()
    {
        var graph = StateGraphTests.Explore("var x: 0 .. 2 = 0\naction step when x < 2 do x := x + 1 end\nallow deadlock") with { Cut = "state limit reached (2 states)" };

        Assert.Null(GraphWords.Ends(graph));
        Assert.Equal("CUT: state limit reached (2 states); only part of the reachable states is drawn", GraphWords.Completeness(graph));
    }
}
