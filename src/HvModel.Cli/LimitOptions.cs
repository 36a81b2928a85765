using System.CommandLine;
using System.Globalization;

namespace HvModel.Cli;

/// <summary>
/// The limits every subcommand takes: <c>--timeout</c>, <c>--max-states</c> and
/// <c>--max-memory</c>, and the threads it may use (<c>--workers</c>), checked once here and handed to the engines in <see cref="Core.Checking.CheckOptions"/>.
/// A run that hits one gives verdict unknown with the reason (exit 3).
/// </summary>
public sealed class LimitOptions(long defaultMaxStates)
{
    public Option<double?> Timeout { get; } = new("--timeout") { Description = "Seconds: a limit for the run (verdict unknown beyond it)" };

    public Option<long> MaxStates { get; } = new("--max-states") { Description = "Explicit engine: give up (verdict unknown) beyond this many states", DefaultValueFactory = _ => defaultMaxStates };

    public Option<string?> MaxMemory { get; } = new("--max-memory") { Description = "SIZE such as 4G or 512M: most memory hvmodel's own process may use (verdict unknown beyond it)" };

    public Option<int> Workers { get; } = new("--workers") { Description = "Explicit engine: threads that expand states (the results are the same for any number; default: the number of cores)", DefaultValueFactory = _ => Environment.ProcessorCount };

    public void AddTo(Command command)
    {
        command.Options.Add(Workers);
        command.Options.Add(Timeout);
        command.Options.Add(MaxStates);
        command.Options.Add(MaxMemory);
    }

    /// <summary>The limits given, or null after a usage error was printed.</summary>
    public RunLimits? Read(ParseResult parse)
    {
        var timeout = parse.GetValue(Timeout);
        if (timeout is { } seconds && !(seconds > 0 && seconds <= 1e6))
        {
            Cli.UsageError($"--timeout must be a number of seconds above 0 and at most 1000000, not {seconds.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        var maxStates = parse.GetValue(MaxStates);
        if (maxStates < 1)
        {
            Cli.UsageError($"--max-states must be 1 or more, not {maxStates}");
            return null;
        }

        var workers = parse.GetValue(Workers);
        if (workers is < 1 or > MaxWorkers)
        {
            Cli.UsageError($"--workers must be from 1 to {MaxWorkers}, not {workers}");
            return null;
        }

        long? memory = null;
        if (parse.GetValue(MaxMemory) is { } text)
        {
            memory = ParseSize(text);
            if (memory is null)
            {
                Cli.UsageError($"--max-memory takes a size such as 4G, 512M or 65536K (at least 1M), not '{text}'");
                return null;
            }
        }

        return new RunLimits(timeout is { } t ? TimeSpan.FromSeconds(t) : null, maxStates, memory, workers);
    }

    /// <summary>Most worker threads a run may ask for.</summary>
    public const int MaxWorkers = 256;

    /// <summary>Bytes in a size written as a whole number with an optional K, M, G or T suffix (powers of 1024); null when malformed or below 1 MiB.</summary>
    public static long? ParseSize(string text)
    {
        var s = text.Trim();
        var shift = s.Length == 0 ? 0 : char.ToUpperInvariant(s[^1]) switch
        {
            'K' => 10,
            'M' => 20,
            'G' => 30,
            'T' => 40,
            _ => 0,
        };
        var digits = shift == 0 ? s : s[..^1];
        if (digits.Length == 0 || digits.Length > 12 || !digits.All(char.IsAsciiDigit)
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var bytes = n << shift;
        return bytes >> shift != n || bytes < 1 << 20 ? null : bytes;
    }
}
