using HvModel.Core.Text;

namespace HvModel.Tests.Binding;

/// <summary>The lanes of the sequence diagrams: declared, bound to actions, every action in exactly one.</summary>
public class LaneTests
{
    private const string Actions = """
        var x: 0 .. 3 = 0
        action up when x < 3 do x := x + 1 end
        action down when x > 0 do x := x - 1 end
        action reset do x := 0 end

        """;

    [Fact]
    public void Lanes_keep_their_order_title_and_actions()
    {
        var model = Check.Load(Actions + """
            lane user "the user": up, down
            lane admin: reset
            """);

        Assert.Equal(["user", "admin"], model.Lanes.Select(l => l.Name));
        Assert.Equal(["the user", "admin"], model.Lanes.Select(l => l.Title));
        Assert.Equal(["up", "down"], model.Lanes[0].Actions.Select(a => a.Name));
    }

    [Fact]
    public void A_model_without_lanes_has_none()
    {
        Assert.Empty(Check.Load(Actions).Lanes);
    }

    [Theory]
    [InlineData("lane a: up, down\nlane b: reset, up", ":6:16: error: action 'up' is already in lane 'a' (line 5): a step is drawn in one lane")]
    [InlineData("lane a: up, down", ":4:1: error: action 'reset' is in no lane: once a model declares lanes, every action needs one")]
    [InlineData("lane a: up, down, sideways, reset", ":5:19: error: lane 'a' names 'sideways', which is no action of the model")]
    [InlineData("lane a: up, down\nlane a: reset", ":6:1: error: lane 'a' is declared twice (first at line 5)")]
    [InlineData("lane a \"A\" up, down, reset", ":5:12: error: expected ':'")]
    public void Lanes_that_would_draw_a_misleading_diagram_are_errors(string lanes, string message)
    {
        var e = Assert.Throws<ModelError>(() => Check.Load(Actions + lanes));

        Assert.EndsWith(message, e.Format().Split(" but found")[0]);
    }
}
