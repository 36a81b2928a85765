namespace HvModel.Cli;

/// <summary>
/// Progress on a terminal: one line on stderr, rewritten in place, and cleared before a report
/// is printed; nothing when stderr is not a terminal.
/// </summary>
public static class TerminalProgress
{
    private const int Width = 79;

    /// <summary>The progress writer of a run, or null when stderr is redirected.</summary>
    public static Action<string>? Writer() =>
        Console.IsErrorRedirected ? null : line => Console.Error.Write($"\r{line}".PadRight(Width)[..Math.Min(Width, line.Length + 1)] + "\r");

    /// <summary>Blanks the progress line that <paramref name="progress"/> wrote, if it wrote one.</summary>
    public static void Clear(Action<string>? progress)
    {
        if (progress is not null)
        {
            Console.Error.Write(new string(' ', Width) + "\r");
        }
    }
}
