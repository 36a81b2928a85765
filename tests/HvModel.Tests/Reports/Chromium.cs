using Microsoft.Playwright;

namespace HvModel.Tests.Reports;

/// <summary>
/// Debian's chromium under Playwright: the binary <c>./setup</c> installs, never one that
/// Playwright would download. Without it a test fails and says how to get it; it never passes
/// by skipping the browser.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    // The package's binary first: /usr/bin/chromium is a shell wrapper around it.
    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<Chromium> Launch()
    {
        var path = Find(Candidates);
        var playwright = await Playwright.CreateAsync();
        var options = new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,

            // Chromium refuses to run as root inside its sandbox; CI runs as root.
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        };
        return new Chromium(playwright, await playwright.Chromium.LaunchAsync(options));
    }

    /// <summary>The first browser of <paramref name="candidates"/> that exists, or an error that names ./setup.</summary>
    public static string Find(IReadOnlyList<string> candidates) =>
        candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"no chromium at {string.Join(" or ", candidates)}: run ./setup, which installs Debian's chromium for the HTML report's browser test");

    public Task<IPage> NewPageAsync() => browser.NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
