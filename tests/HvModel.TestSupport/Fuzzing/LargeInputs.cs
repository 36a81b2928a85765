using System.Text;
using System.Text.RegularExpressions;

namespace HvModel.TestSupport.Fuzzing;

/// <summary>
/// The mutations that make input large or strange: long chains, deep nesting, NULs, bytes that
/// are not UTF-8, very long lines, 10 MB files and huge domains. Chains and nests are appended as
/// a declaration of their own, so the rest of the model stays valid and the engines run on it.
/// </summary>
internal sealed class LargeInputs(Func<int, int> next)
{
    public const int HugeFileBytes = 10 * 1024 * 1024;

    public (string, byte[]) Chain(string text, int n)
    {
        string Repeat(string item, string separator) => string.Join(separator, Enumerable.Repeat(item, n));
        var (name, decl) = next(12) switch
        {
            0 => ("and", $"invariant fz_chain: {Repeat("1 < 2", " and ")}"),
            1 => ("or", $"invariant fz_chain: {Repeat("1 > 2", " or ")} or true"),
            2 => ("+", $"invariant fz_chain: {Repeat("0", " + ")} < 1"),
            3 => ("->", $"invariant fz_chain: {Repeat("true", " -> ")}"),
            4 => ("not", $"invariant fz_chain: {Repeat("not", " ")} true or true"),
            5 => ("unary -", $"invariant fz_chain: {Repeat("-", " ")} 1 < 2 or true"),
            6 => ("*", $"invariant fz_chain: {Repeat("1", " * ")} = 1"),
            7 => ("<->", $"invariant fz_chain: {Repeat("true", " <-> ")} or true"),
            8 => ("statements", $"action fz_chain do {Repeat("skip", " ")} end"),
            9 => ("elsif", $"action fz_chain do if false then skip {Repeat("elsif false then skip", " ")} else skip end end"),
            10 => ("enum members", $"enum FZ {{ {string.Join(", ", Enumerable.Range(0, n).Select(i => $"fz{i}"))} }}"),
            _ => ("choices", $"var fz_chain: bool in {{{Repeat("true", ", ")}, false}}"),
        };
        return ($"chain of {n} '{name}'", Encoding.UTF8.GetBytes($"{text}\n{decl}\n"));
    }

    public (string, byte[]) Nesting(string text, int d)
    {
        string Nest(string open, string middle, string close, int depth) =>
            string.Concat(Enumerable.Repeat(open, depth)) + middle + string.Concat(Enumerable.Repeat(close, depth));
        var (name, decl) = next(11) switch
        {
            0 => ("parentheses", $"invariant fz_nest: {Nest("(", "true", ")", d)}"),
            1 => ("if expressions", $"invariant fz_nest: {Nest("if true then ", "true", " else false end", d)}"),
            2 => ("quantifiers", $"invariant fz_nest: {string.Concat(Enumerable.Range(0, Math.Min(d, 16)).Select(i => $"forall q{i}: bool . "))}true"),
            3 => ("if statements", $"action fz_nest do {Nest("if true then ", "skip", " end", d)} end"),
            4 => ("for statements", $"action fz_nest do {string.Concat(Enumerable.Range(0, d).Select(i => $"for q{i}: 0 .. 0 do "))}skip{Nest("", "", " end", d)} end"),
            5 => ("let statements", $"action fz_nest do {string.Concat(Enumerable.Range(0, d).Select(i => $"let q{i} = {i} in "))}skip{Nest("", "", " end", d)} end"),
            6 => ("any statements", $"action fz_nest do {string.Concat(Enumerable.Range(0, d).Select(i => $"any q{i}: 0 .. 0 where true do "))}skip{Nest("", "", " end", d)} end"),
            7 => ("not (...)", $"invariant fz_nest: {Nest("not (", "false", ")", d - d % 2)}"),
            8 => ("-(...)", $"invariant fz_nest: {Nest("-(", "1", ")", d - d % 2)} = 1"),
            9 => ("array types", $"var fz_nest: {Nest("array[0 .. 0] of ", "bool", "", d)}"),
            _ => ("indices", $"var fz_nest: array[0 .. 1] of 0 .. 1 = 0\ninvariant fz_nest_i: {Nest("fz_nest[", "0", "]", d)} = 0"),
        };
        return ($"{name} nested {d} deep", Encoding.UTF8.GetBytes($"{text}\n{decl}\n"));
    }

    public (string, byte[]) Nul(string text, bool inInclude)
    {
        var includes = Regex.Matches(text, "include\\s*\"[^\"\\n]*\"").ToList();
        if (inInclude)
        {
            if (includes.Count == 0)
            {
                return ("include \"\\0\" prepended", Encoding.UTF8.GetBytes("include \"\0\"\n" + text));
            }

            var inc = includes[next(includes.Count)];
            var at = inc.Value.IndexOf('"', StringComparison.Ordinal) + 1 + next(inc.Value.Length - inc.Value.IndexOf('"', StringComparison.Ordinal) - 1);
            return ($"NUL in an include path", Encoding.UTF8.GetBytes(text.Insert(inc.Index + at, "\0")));
        }

        var result = text;
        var places = new List<int>();
        for (var k = next(3) + 1; k > 0; k--)
        {
            var at = next(result.Length + 1);
            if (includes.Any(m => at > m.Index && at < m.Index + m.Length))
            {
                continue;
            }

            result = result.Insert(at, "\0");
            places.Add(at);
            includes = Regex.Matches(result, "include\\s*\"[^\"\\n]*\"").ToList();
        }

        return ($"NUL at chars {string.Join(", ", places)}", Encoding.UTF8.GetBytes(result));
    }

    public (string, byte[]) NonUtf8(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        switch (next(5))
        {
            case 0:
                return ("UTF-16LE with a BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
            case 1:
            {
                var at = next(bytes.Count + 1);
                bytes.InsertRange(at, [0xEF, 0xBB, 0xBF]);
                return ($"a BOM at byte {at}", [.. bytes]);
            }

            case 2:
            {
                var at = next(bytes.Count + 1);
                bytes.InsertRange(at, [0xC0, 0x80, 0xED, 0xA0, 0x80]);
                return ($"overlong NUL and a surrogate at byte {at}", [.. bytes]);
            }

            default:
            {
                var places = new List<int>();
                for (var k = next(8) + 1; k > 0; k--)
                {
                    var at = next(bytes.Count + 1);
                    bytes.Insert(at, (byte)(0x80 + next(128)));
                    places.Add(at);
                }

                return ($"high bytes at {string.Join(", ", places)}", [.. bytes]);
            }
        }
    }

    public (string, byte[]) LongLine(string text)
    {
        var n = 100_000 + next(900_001);
        var (name, line) = next(6) switch
        {
            0 => ("name", $"var {new string('a', n)}: bool = false"),
            1 => ("comment", $"-- {new string('x', n)}"),
            2 => ("string", $"hunk fz_line \"{new string('x', n)}\""),
            3 => ("number", $"const FZ = 1{new string('0', n)}"),
            4 => ("blanks", new string(' ', n) + "const FZ = 1"),
            _ => ("declarations on one line", string.Concat(Enumerable.Range(0, n / 24).Select(i => $"const FZ{i} = {i % 10} "))),
        };
        var lines = text.Split('\n').ToList();
        var at = next(lines.Count + 1);
        lines.Insert(at, line);
        return ($"a {name} line of {line.Length} chars at line {at + 1}", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }

    // variables: 10 MB of variable declarations (a found defect: a stack overflow in StmtExecutor).
    public (string, byte[]) HugeFile(string text, bool variables)
    {
        var sb = new StringBuilder(text).Append('\n');
        var kind = variables ? 2 : new[] { 0, 1, 3, 4 }[next(4)];
        var names = new[] { "comment lines", "blank lines", "variables", "hunks", "actions" };
        for (var i = 0; sb.Length < HugeFileBytes; i++)
        {
            sb.AppendLine(kind switch
            {
                0 => "-- a comment line that pads the file out to ten megabytes, over and over again",
                1 => "",
                2 => $"var fz{i}: bool = false",
                3 => $"hunk fz{i}",
                _ => $"action fz{i} when false do skip end",
            });
        }

        return ($"10 MB of {names[kind]}", Encoding.UTF8.GetBytes(sb.ToString()));
    }

    public (string, byte[]) HugeDomain(string text)
    {
        var (name, decl) = next(4) switch
        {
            0 => ("a range of 21474837 values, no initialiser", "var fz_domain: 0 .. 21474836"),
            1 => ("scalarset(1000000) indexing an array", "type FZ = scalarset(1000000)\nvar fz_domain: array[FZ] of 0 .. 1"),
            2 => ("a range of 2^30 values, no initialiser", "var fz_domain: 0 .. 1073741823"),
            _ => ("an array of 65536 ranges", "var fz_domain: array[0 .. 65535] of 0 .. 3"),
        };
        return (name, Encoding.UTF8.GetBytes($"{text}\n{decl}\n"));
    }
}
