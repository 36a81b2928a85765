namespace HvModel.Symbolic.Tests;

/// <summary>
/// Small models shared by the engine tests, read from tests/models (where the verdict-folder
/// test checks each against its own expect table).
/// </summary>
internal static class TestModels
{
    /// <summary>A counter that wraps at 5; 'below_six' holds, 'below_three' fails after 3 steps.</summary>
    public static string Counter { get; } = Read("violated", "wrapping_counter.hvm");

    /// <summary>Two processes and a test-and-set lock; the hunk 'check_lock' makes the entry test the lock.</summary>
    public static string Mutex { get; } = Read("violated", "test_and_set.hvm");

    /// <summary>Die Hard's jugs: 3 and 5 gallons; 4 gallons in the big jug takes 6 steps.</summary>
    public static string Jugs { get; } = Read("violated", "jugs.hvm");

    /// <summary>Nondeterminism and arrays with computed indices: 'any', 'for', symbolic writes.</summary>
    public static string Slots { get; } = Read("violated", "slots.hvm");

    /// <summary>A scalarset in blocks of 2: block_first's lowering through every engine.</summary>
    public static string Blocks { get; } = Read("violated", "blocks.hvm");

    /// <summary>A model that raises a model error: 'up' assigns 4 to a 0..3 variable after three steps.</summary>
    public static string Overflow { get; } = Read("runtime", "overflow.hvm");

    /// <summary>A model whose only error is an array read out of range under a short-circuit.</summary>
    public static string IndexRead { get; } = Read("runtime", "index_read.hvm");

    private static string Read(string folder, string file) => File.ReadAllText(Repo.Path("tests", "models", folder, file));
}
