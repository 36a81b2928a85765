using HvModel.Core.Checking;

namespace HvModel.Cli;

/// <summary>The limits read from the command line, checked.</summary>
public sealed record RunLimits(TimeSpan? Timeout, long MaxStates, long? MaxMemoryBytes, int Workers)
{
    /// <summary>The options with these limits set.</summary>
    public CheckOptions Apply(CheckOptions options) =>
        options with { Timeout = Timeout, MaxStates = MaxStates, MaxMemoryBytes = MaxMemoryBytes, Workers = Workers };
}
