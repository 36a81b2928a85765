using System.Text;
using HvModel.Core.Binding;
using HvModel.Core.Syntax;
using HvModel.Core.Text;

namespace HvModel.Tests.Syntax;

/// <summary>
/// Input meant to break the front end (issue 13): each gives a clear <c>file:line:col: error:</c>
/// and never a stack overflow, an unhandled .NET exception or a hang.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hvm-hostile").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string Error(string text) =>
        Assert.Throws<ModelError>(() => ModelLoader.LoadText(text, "big.hvm")).Format();

    private string FileError(string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return Assert.Throws<ModelError>(() => ModelLoader.LoadFile(path)).Format();
    }

    private static string Chain(string op, string operand, int operands) =>
        string.Join($" {op} ", Enumerable.Repeat(operand, operands));

    [Fact]
    public void A_chain_of_six_thousand_operands_is_rejected_at_its_start()
    {
        var text = $"var x: 0 .. 3 = 0\ninvariant big: {Chain("and", "x < 2", 6000)}";

        Assert.Equal($"big.hvm:2:16: error: expression nested more than {Parser.MaxNesting} levels deep (each operator of a chain such as 'a and b and c' is a level)", Error(text));
    }

    [Theory]
    [InlineData("+", "1", " = 0")]
    [InlineData("or", "x < 2", "")]
    [InlineData("band", "x", " = 0")]
    [InlineData("/", "1", " = 0")]
    [InlineData("<->", "true", "")]
    public void Every_operator_chain_counts_towards_the_depth_limit(string op, string operand, string comparison)
    {
        Assert.Matches(
            $@"^big\.hvm:2:\d+: error: expression nested more than {Parser.MaxNesting} levels deep",
            Error($"var x: 0 .. 3 = 0\ninvariant big: ({Chain(op, operand, 3000)}){comparison}"));
    }

    [Fact]
    public void A_chain_within_the_limit_loads()
    {
        var model = ModelLoader.LoadText($"var x: 0 .. 3 = 0\ninvariant ok: {Chain("and", "x < 2", Parser.MaxNesting - 2)}");

        Assert.Single(model.Properties);
    }

    [Theory]
    [InlineData("invariant p: ", "(", "true", ")")]
    [InlineData("invariant p: ", "not ", "true", "")]
    [InlineData("invariant p: ", "- ", "1 = 1", "")]
    [InlineData("var v: ", "array[0 .. 1] of ", "bool", "")]
    [InlineData("action a do ", "if true then ", "skip", " end")]
    [InlineData("action a do ", "for i: 0 .. 1 do ", "skip", " end")]
    [InlineData("invariant p: ", "forall i: 0 .. 1 . ", "true", "")]
    [InlineData("invariant p: ", "if true then true else ", "true", " end")]
    public void Deep_nesting_is_rejected(string prefix, string open, string inner, string close)
    {
        const int Depth = 20_000;
        var text = new StringBuilder("var x: 0 .. 3 = 0\n").Append(prefix);
        text.Insert(text.Length, open, Depth).Append(inner).Insert(text.Length, close, Depth);
        if (prefix.StartsWith("action", StringComparison.Ordinal))
        {
            text.Append(" end");
        }

        Assert.Matches(@"^big\.hvm:2:\d+: error: (expression|statement|type) nested more than 200 levels deep", Error(text.ToString()));
    }

    [Fact]
    public void Definitions_inlined_past_the_depth_limit_are_rejected()
    {
        var text = new StringBuilder("var x: 0 .. 3 = 0\ndef d0 = x < 2\n");
        for (var i = 1; i <= 5; i++)
        {
            text.AppendLine($"def d{i} = d{i - 1} and {Chain("and", "x < 2", 150)}");
        }

        text.AppendLine("invariant p: d5");

        Assert.Matches($@"^big\.hvm:\d+:\d+: error: expression more than {Binder.MaxExprDepth} levels deep once definitions are inlined$", Error(text.ToString()));
    }

    [Fact]
    public void Definitions_that_double_at_each_step_are_rejected_by_size()
    {
        var text = new StringBuilder("var x: 0 .. 3 = 0\ndef d0 = x\n");
        for (var i = 1; i <= 40; i++)
        {
            text.AppendLine($"def d{i} = d{i - 1} + d{i - 1}");
        }

        text.AppendLine("invariant p: d40 = 0");

        Assert.Matches(@"^big\.hvm:\d+:\d+: error: expression of more than 100000 nodes once definitions are inlined$", Error(text.ToString()));
    }

    [Fact]
    public void Procedures_inlined_past_the_statement_limit_are_rejected()
    {
        var text = new StringBuilder("var x: 0 .. 3 = 0\nprocedure p0() skip end\n");
        var ifs = string.Concat(Enumerable.Repeat("if true then ", 150));
        var ends = string.Concat(Enumerable.Repeat(" end", 150));
        for (var i = 1; i <= 4; i++)
        {
            text.AppendLine($"procedure p{i}() {ifs}p{i - 1}(){ends} end");
        }

        text.AppendLine("action a do p4() end");

        Assert.Matches(@"^big\.hvm:\d+:\d+: error: statements nested more than 400 levels deep once procedures are inlined$", Error(text.ToString()));
    }

    [Fact]
    public void An_include_cycle_a_missing_include_and_an_included_folder_are_errors()
    {
        File.WriteAllText(Path.Combine(dir, "a.hvm"), "include \"b.hvm\"\n");
        Directory.CreateDirectory(Path.Combine(dir, "sub.hvm"));

        AssertEnds("includes itself", FileError("b.hvm", "include \"a.hvm\"\n"u8.ToArray()));
        AssertEnds(Path.GetFileName(dir) + "/nope.hvm': no such file", FileError("c.hvm", "include \"nope.hvm\"\n"u8.ToArray()));
        AssertEnds(Path.GetFileName(dir) + "/sub.hvm': it is a folder, not a model file", FileError("d.hvm", "include \"sub.hvm\"\n"u8.ToArray()));
    }

    private static void AssertEnds(string expected, string actual) =>
        Assert.True(actual.EndsWith(expected, StringComparison.Ordinal), $"'{actual}' does not end with '{expected}'");

    [Fact]
    public void A_file_of_ten_megabytes_is_refused_before_it_is_read()
    {
        var path = Path.Combine(dir, "huge.hvm");
        using (var file = File.Create(path))
        {
            file.SetLength(10 << 20);
        }

        var error = Assert.Throws<ModelError>(() => ModelLoader.LoadFile(path)).Format();

        Assert.Equal($"{path}:1:1: error: cannot read '{path}': it has {10 << 20} bytes, more than the 4194304 a model file may have", error);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported_at_their_line_and_column()
    {
        var error = FileError("latin1.hvm", [.. "var x: bool = false\n-- caf"u8, 0xE9, (byte)'\n']);
        var path = Path.Combine(dir, "latin1.hvm");

        Assert.Equal($"{path}:2:7: error: cannot read '{path}': it is not UTF-8 text: an invalid byte (0xE9)", error);
    }

    [Fact]
    public void Very_long_lines_load_or_fail_with_a_short_message()
    {
        // A megabyte of comment on one line is harmless.
        Assert.Single(ModelLoader.LoadText("var x: bool = false -- " + new string('c', 1 << 20) + "\ninvariant p: true").Properties);

        // A megabyte-long name is refused without being echoed.
        var error = Error("var " + new string('n', 1 << 20) + ": bool = false");
        Assert.Equal($"big.hvm:1:5: error: a name of {1 << 20} characters: names have at most {Lexer.MaxNameLength}", error);

        // A megabyte-long string in the wrong place is cut short in the message.
        error = Error("var x: bool = \"" + new string('s', 1 << 20) + "\"");
        Assert.True(error.Length < 200, error.Length < 400 ? error : error[..400]);
    }

    [Theory]
    [InlineData("\0", "\\u0000")]
    [InlineData("", "")]
    [InlineData("a\tb", "a\\u0009b")]
    public void An_include_path_that_names_no_file_is_an_error(string path, string shown)
    {
        var error = Assert.Throws<ModelError>(() => ModelLoader.LoadFile(WriteModel($"include \"{path}\"\n")));

        Assert.Equal($"{Path.Combine(dir, "m.hvm")}:1:1: error: include \"{shown}\": not a valid file name", error.Format());
    }

    private string WriteModel(string text)
    {
        var path = Path.Combine(dir, "m.hvm");
        File.WriteAllText(path, text);
        return path;
    }
}
