using CsCheck;

namespace HvModel.TestSupport.Generation;

/// <summary>
/// The random choices of one generated model, drawn from CsCheck's <see cref="PCG"/> so that a
/// CsCheck seed (or a plain case number, see <see cref="ModelGenerator.FromSeed"/>) replays it.
/// </summary>
public sealed class Choices(PCG pcg)
{
    /// <summary>A number in 0 .. n-1.</summary>
    public int Next(int n) => n <= 1 ? 0 : (int)pcg.Next((uint)n);

    /// <summary>A number in lo .. hi, both included.</summary>
    public int Between(int lo, int hi) => lo + Next(hi - lo + 1);

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
