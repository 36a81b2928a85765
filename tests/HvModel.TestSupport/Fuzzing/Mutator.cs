using System.Text;
using System.Text.RegularExpressions;
using CsCheck;

namespace HvModel.TestSupport.Fuzzing;

/// <summary>
/// Makes a <see cref="FuzzCase"/> from a case number: picks a corpus file and a family, then
/// damages the text. Deterministic: the same seed, family and corpus give the same bytes.
/// </summary>
public sealed partial class Mutator(Corpus corpus)
{
    private static readonly string[] Vocabulary =
    [
        "model", "const", "type", "enum", "var", "init", "def", "procedure", "action", "calls", "when", "do", "end", "hunk",
        "variant", "invariant", "cover", "expect", "include", "allow", "deadlock", "if", "then", "elsif", "else", "for",
        "any", "where", "let", "in", "note", "skip", "forall", "exists", "count", "and", "or", "not", "true", "false",
        "bool", "array", "of", "scalarset", ":=", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "->", "<->", "!", "&",
        "|", "(", ")", "[", "]", "{", "}", ",", ".", "..", ":", ";", "\"", "0", "1", "-1", "--", "holds", "violated", "?",
    ];

    /// <summary>The case of a number, its family drawn among <paramref name="families"/>.</summary>
    public FuzzCase Create(ulong seed, IReadOnlyList<MutationFamily> families) =>
        Create(seed, MutationFamilies.Pick(families, seed));

    public FuzzCase Create(ulong seed, MutationFamily family)
    {
        var pcg = new PCG(3, MutationFamilies.Mix(seed));
        int Next(int n) => n <= 1 ? 0 : (int)pcg.Next((uint)n);
        var source = corpus.Files[Next(corpus.Files.Count)];
        var text = Encoding.UTF8.GetString(corpus.Read(source));
        var large = new LargeInputs(Next);
        var (description, result) = family switch
        {
            MutationFamily.TokenEdit => TokenEdits(text, Next),
            MutationFamily.HugeNumber => HugeNumber(text, Next),
            MutationFamily.LongChain => large.Chain(text, Next(351) + 50),
            MutationFamily.HugeChain => large.Chain(text, 6000 + Next(94001)),
            MutationFamily.DeepNesting => large.Nesting(text, Next(251) + 10),
            MutationFamily.Nul => large.Nul(text, false),
            MutationFamily.NulInInclude => large.Nul(text, true),
            MutationFamily.NonUtf8 => large.NonUtf8(text),
            MutationFamily.LongLine => large.LongLine(text),
            MutationFamily.HugeFile => large.HugeFile(text, variables: false),
            MutationFamily.HugeFileOfVariables => large.HugeFile(text, variables: true),
            MutationFamily.Truncate => Truncate(text, Next),
            MutationFamily.Splice => Splice(text, Next),
            MutationFamily.HugeDomain => large.HugeDomain(text),
            _ => throw new ArgumentOutOfRangeException(nameof(family)),
        };
        return new FuzzCase(seed, family, source, description, result);
    }

    [GeneratedRegex("""--[^\n]*|"[^"\n]*"|[A-Za-z_][A-Za-z0-9_]*|[0-9]+|\.\.|:=|<->|->|!=|<=|>=|\s+|.""", RegexOptions.Singleline)]
    private static partial Regex TokenPattern();

    private static (string, byte[]) TokenEdits(string text, Func<int, int> next)
    {
        var tokens = TokenPattern().Matches(text).Select(m => m.Value).ToList();
        var names = tokens.Where(t => char.IsLetter(t[0])).Distinct().ToList();
        var edits = new List<string>();
        for (var n = next(4) + 1; n > 0 && tokens.Count > 0; n--)
        {
            var solid = Enumerable.Range(0, tokens.Count).Where(i => !string.IsNullOrWhiteSpace(tokens[i])).ToList();
            if (solid.Count == 0)
            {
                break;
            }

            var i = solid[next(solid.Count)];
            string Word() => next(3) == 0 && names.Count > 0 ? names[next(names.Count)] : Vocabulary[next(Vocabulary.Length)];
            switch (next(5))
            {
                case 0:
                    edits.Add($"delete '{tokens[i]}'");
                    tokens.RemoveAt(i);
                    break;
                case 1:
                    edits.Add($"duplicate '{tokens[i]}'");
                    tokens.Insert(i, tokens[i] + " ");
                    break;
                case 2:
                {
                    var j = solid[next(solid.Count)];
                    edits.Add($"swap '{tokens[i]}' and '{tokens[j]}'");
                    (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
                    break;
                }

                case 3:
                {
                    var w = Word();
                    edits.Add($"replace '{tokens[i]}' by '{w}'");
                    tokens[i] = w;
                    break;
                }

                default:
                {
                    var w = Word();
                    edits.Add($"insert '{w}' before '{tokens[i]}'");
                    tokens.Insert(i, w + " ");
                    break;
                }
            }
        }

        return (string.Join("; ", edits), Encoding.UTF8.GetBytes(string.Concat(tokens)));
    }

    private static readonly string[] HugeNumbers =
    [
        "2147483648", "4294967296", "9223372036854775807", "9223372036854775808", "18446744073709551616",
        "100000000000000000000000000000", "99999999999999999999999999999999999999999999999999", "2147483647", "0", "00000000000000000001",
    ];

    private static (string, byte[]) HugeNumber(string text, Func<int, int> next)
    {
        var numbers = Regex.Matches(text, "(?<![A-Za-z_0-9])[0-9]+(?![A-Za-z_0-9])").ToList();
        var value = HugeNumbers[next(HugeNumbers.Length)];
        if (numbers.Count == 0)
        {
            return ($"append 'const FZ = {value}'", Encoding.UTF8.GetBytes($"{text}\nconst FZ = {value}\n"));
        }

        var m = numbers[next(numbers.Count)];
        var line = text[..m.Index].Count(c => c == '\n') + 1;
        return ($"line {line}: {m.Value} -> {value}", Encoding.UTF8.GetBytes(text[..m.Index] + value + text[(m.Index + m.Length)..]));
    }

    private static (string, byte[]) Truncate(string text, Func<int, int> next)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = next(bytes.Length + 1);
        return ($"cut at byte {at}", bytes[..at]);
    }

    private (string, byte[]) Splice(string text, Func<int, int> next)
    {
        var other = Encoding.UTF8.GetString(corpus.Read(corpus.Files[next(corpus.Files.Count)]));
        var from = next(other.Length);
        var length = Math.Min(other.Length - from, next(200) + 1);
        var at = next(text.Length + 1);
        return ($"paste {length} chars at char {at}", Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), other.AsSpan(from, length), text.AsSpan(at))));
    }
}
