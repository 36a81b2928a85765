using System.Text;
using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Reports;

/// <summary>Shows states and state changes in the language's own notation.</summary>
public static class StateFormatter
{
    /// <summary>One line per variable: <c>name = value</c>, arrays as <c>[index: value, ...]</c>.</summary>
    public static IEnumerable<string> Variables(Model model, IReadOnlyList<int> state) =>
        model.Vars.Select(v => $"{v.Name} = {Value(v.Type, state, v.FirstSlot)}");

    /// <summary>The value stored at <paramref name="first"/> for a value of <paramref name="type"/>.</summary>
    public static string Value(HvType type, IReadOnlyList<int> state, int first)
    {
        if (type is ScalarType s)
        {
            return s.Format(state[first]);
        }

        var a = (ArrayType)type;
        var width = Types.SlotCount(a.Element);
        var sb = new StringBuilder("[");
        for (var k = 0; k < a.Index.Count; k++)
        {
            if (k > 0)
            {
                sb.Append(", ");
            }

            sb.Append(a.Index.Format(a.Index.ValueAt(k))).Append(": ").Append(Value(a.Element, state, first + (k * width)));
        }

        return sb.Append(']').ToString();
    }

    /// <summary>The slots that differ between two states, as <c>slot: old -> new</c>.</summary>
    public static IEnumerable<string> Changes(Model model, IReadOnlyList<int> before, IReadOnlyList<int> after) =>
        SlotChange.Between(model, before, after).Select(c => $"{c.Slot.Name}: {c.Slot.Type.Format(c.Before)} -> {c.Slot.Type.Format(c.After)}");

    /// <summary>An action instance as <c>name(p=v, ...)</c> (see <see cref="ActionInstance.Format"/>).</summary>
    public static string ActionCall(ActionDef action, IReadOnlyList<int> args) => ActionInstance.Format(action, args);

    /// <summary>
    /// Appends <paramref name="text"/> wrapped to <paramref name="width"/> columns, indented by
    /// <paramref name="indent"/>, its continuation lines two columns deeper (a hanging indent).
    /// </summary>
    public static void AppendWrapped(StringBuilder sb, string text, int indent, int width)
    {
        var pad = new string(' ', indent);
        var first = true;
        foreach (var line in Wrap(text, width - indent - 2))
        {
            sb.Append(pad).Append(first ? "" : "  ").AppendLine(line);
            first = false;
        }
    }

    /// <summary>Splits <paramref name="text"/> into lines of at most <paramref name="width"/> characters, at spaces.</summary>
    public static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var whole in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // A word longer than a line (a long path) is cut into line-sized pieces.
            var word = whole;
            while (word.Length > width)
            {
                if (line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                yield return word[..width];
                word = word[width..];
            }

            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
