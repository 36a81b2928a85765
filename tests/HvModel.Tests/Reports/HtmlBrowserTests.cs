using System.Text.Json;
using HvModel.Tests.Golden;
using Microsoft.Playwright;

namespace HvModel.Tests.Reports;

/// <summary>
/// The HTML report as a reader sees it: opened in a real browser (Debian's chromium, which
/// <c>./setup</c> installs, driven by Playwright; no browser is downloaded). Every violated cell
/// of the matrix must lead to a drawn diagram whose boxes are the counterexample's steps, and
/// the page must load without an error. A screenshot is kept under the test output.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public class HtmlBrowserTests
{
    [Theory]
    [InlineData("flagship", new string[0])]
    [InlineData("refcount", new[] { "tests/models/violated/refcount.hvm" })]
    public async Task Every_violated_cell_links_to_a_drawn_diagram_of_its_counterexample(string name, string[] model)
    {
        var html = InProcessCli.Run(["check", .. model, "--format", "html"]).Stdout;
        var json = JsonDocument.Parse(InProcessCli.Run(["check", .. model, "--format", "json"]).Stdout);
        var expected = json.RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "invariant" && r.GetProperty("trace").ValueKind == JsonValueKind.Array)
            .ToDictionary(
                r => $"#cx-{r.GetProperty("variant").GetString()}-{r.GetProperty("property").GetString()}",
                r => r.GetProperty("trace").EnumerateArray().Skip(1).Select(s => s.GetProperty("action").GetString()!).ToList());
        Assert.NotEmpty(expected);

        // A violated liveness cell links to its lasso's diagram in the same way.
        foreach (var r in json.RootElement.GetProperty("liveness").EnumerateArray().Where(r => r.GetProperty("trace").ValueKind == JsonValueKind.Array))
        {
            expected[$"#live-{r.GetProperty("variant").GetString()}-{r.GetProperty("property").GetString()}"] =
                [.. r.GetProperty("trace").EnumerateArray().Skip(1).Select(s => s.GetProperty("action").GetString()!)];
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "browser");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}.html");
        await File.WriteAllTextAsync(file, html);

        await using var browser = await Chromium.Launch();
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(file).AbsoluteUri);

        // Every violated cell links to its counterexample, and every counterexample is linked.
        var links = await page.Locator("table.matrix td.violated a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.Equal(expected.Keys.Order(), links.Order());
        foreach (var (anchor, actions) in expected)
        {
            var section = page.Locator($"section{anchor}");
            var boxes = section.Locator("svg.sequence g.step");
            Assert.Equal(actions, await boxes.EvaluateAllAsync<string[]>("gs => gs.map(g => g.dataset.action)"));
            for (var i = 0; i < actions.Count; i++)
            {
                // Drawn: a box of some size, whose text names the step's action.
                var box = await boxes.Nth(i).Locator("rect").BoundingBoxAsync();
                Assert.True(box is { Width: > 20, Height: > 10 }, $"{anchor} step {i + 1}: the box is not drawn ({box?.Width}x{box?.Height})");
                Assert.StartsWith(actions[i], await boxes.Nth(i).Locator("text").TextContentAsync());
            }
        }

        // A cell's link takes the reader to the diagram.
        var first = expected.Keys.First();
        await page.Locator($"table.matrix td.violated a[href='{first}']").ClickAsync();
        Assert.True(await page.Locator($"section{first} svg.sequence").IsVisibleAsync());

        await page.GotoAsync(new Uri(file).AbsoluteUri);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public void Without_chromium_the_test_fails_and_names_setup()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Chromium.Find(["/nonexistent/chromium"]));

        Assert.Contains("./setup", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_counterexample_of_no_step_on_a_model_without_lanes_is_said_not_drawn()
    {
        var model = Path.Combine(Path.GetTempPath(), $"hvmodel-initial-{Guid.NewGuid():N}.hvm");
        File.WriteAllText(model, "var x: 0 .. 3 = 1\naction inc when x < 3 do x := x + 1 end\ninvariant zero: x = 0\nallow deadlock\n");

        var r = InProcessCli.Run("check", model, "--format", "html");

        Assert.Contains("zero is violated here: in the initial state, before any step", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", r.Stdout, StringComparison.Ordinal);
    }
}
