using System.Security.Cryptography;
using System.Text;

namespace HvModel.Core.Text;

/// <summary>
/// Turns a name that model text controls (a model, variant or property name, a constant's
/// value) into one part of a file name that stays inside the folder the user gave: only ASCII
/// letters, digits and <c>_ - = + ,</c> are kept, so no <c>/</c>, <c>..</c>, NUL or leading dot
/// survives. A name that had to change, or is longer than <see cref="MaxLength"/>, gets a hash of
/// the original appended, so that different names never share a file.
/// </summary>
public static class SafeFileName
{
    /// <summary>Longest part returned; three parts and an extension stay far below the usual 255-byte limit.</summary>
    public const int MaxLength = 64;

    private const int HashLength = 10;

    public static string Part(string name) => Part(name, keepEquals: true);

    /// <summary>
    /// A part of the name of a solver script that the user re-runs with <c>z3 FILE</c>: as
    /// <see cref="Part(string)"/>, but without '=', which z3's command line takes for an option
    /// (<c>z3 base_k=5.smt2</c> fails with "unknown parameter").
    /// </summary>
    public static string ScriptPart(string name) => Part(name, keepEquals: false);

    private static string Part(string name, bool keepEquals)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(IsKept(c) && (keepEquals || c != '=') ? c : '_');
        }

        var kept = sb.ToString();
        if (kept == name && name.Length is > 0 and <= MaxLength)
        {
            return name;
        }

        var prefix = kept.Length > MaxLength - HashLength - 1 ? kept[..(MaxLength - HashLength - 1)] : kept;
        return $"{prefix}~{Hash(name)}";
    }

    /// <summary>Whether a bare file name (no folder) could have come out of this helper's parts joined by dots.</summary>
    public static bool IsPlain(string fileName) =>
        fileName.Length is > 0 and <= 255
        && fileName[0] != '.'
        && !fileName.Contains("..", StringComparison.Ordinal)
        && fileName.All(c => IsKept(c) || c is '.' or '~');

    private static bool IsKept(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '=' or '+' or ',';

    private static string Hash(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..HashLength];
}
