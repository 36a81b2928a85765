using System.Text.Json;
using System.Text.Json.Nodes;

namespace HvModel.Tests.Schema;

/// <summary>
/// Breaks a valid document one field at a time, to show that the schema notices: each field of
/// the contract renamed, and each field's value replaced by one of another JSON type. Fields
/// whose names come from the model (constants, arguments, state variables, the gate's states
/// per variant, ablation's verdicts per property) are not the contract: their objects are
/// mutated as a whole, never entered.
/// </summary>
public static class JsonMutations
{
    /// <summary>One field of the document: where it is (a JSON Pointer), and its parent's pointer.</summary>
    public sealed record Field(string Pointer, string Parent, IReadOnlyList<object> Path, JsonValueKind Kind);

    private static readonly HashSet<string> NamedByTheModel = ["constants", "args", "state", "states", "verdicts"];

    /// <summary>A copy that keeps at most two items of every array: the mutations need one of each shape, not a thousand.</summary>
    public static JsonNode Pruned(JsonNode node) => node switch
    {
        JsonArray a => new JsonArray([.. a.Take(2).Select(i => i is null ? null : Pruned(i))]),
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key, kv.Value is null ? null : Pruned(kv.Value)))),
        _ => node.DeepClone(),
    };

    /// <summary>Every field of the contract, once per place in the document's shape (array positions aside) and kind of value.</summary>
    public static List<Field> Fields(JsonNode root)
    {
        var fields = new List<Field>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Walk(root, [], fields, seen);
        return fields;
    }

    private static void Walk(JsonNode? node, List<object> path, List<Field> fields, HashSet<string> seen)
    {
        switch (node)
        {
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], [.. path, i], fields, seen);
                }

                break;
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    var at = new List<object>(path) { key };
                    var kind = value?.GetValueKind() ?? JsonValueKind.Null;
                    if (seen.Add($"{Shape(at)} {kind}"))
                    {
                        fields.Add(new Field(Pointer(at), Pointer(path), at, kind));
                    }

                    if (!(NamedByTheModel.Contains(key) && value is JsonObject))
                    {
                        Walk(value, at, fields, seen);
                    }
                }

                break;
        }
    }

    /// <summary>The document with the field's name changed (<c>verdict</c> becomes <c>verdict_renamed</c>), its place kept.</summary>
    public static string Renamed(JsonNode root, Field field)
    {
        var copy = root.DeepClone();
        var parent = (JsonObject)Find(copy, field.Path.SkipLast(1));
        var key = (string)field.Path[^1];
        var renamed = new JsonObject(parent.Select(kv => KeyValuePair.Create(kv.Key == key ? key + "_renamed" : kv.Key, kv.Value?.DeepClone())));
        return Replace(copy, field.Path.SkipLast(1).ToList(), renamed);
    }

    /// <summary>The document with the field's value replaced by one of another JSON type.</summary>
    public static string Retyped(JsonNode root, Field field)
    {
        JsonNode? other = field.Kind switch
        {
            JsonValueKind.String => JsonValue.Create(7),
            JsonValueKind.Number => JsonValue.Create("7"),
            JsonValueKind.True or JsonValueKind.False => JsonValue.Create("true"),
            JsonValueKind.Array => new JsonObject(),
            JsonValueKind.Object => new JsonArray(),
            _ => new JsonObject(),
        };
        return Replace(root.DeepClone(), [.. field.Path], other);
    }

    private static string Replace(JsonNode root, List<object> path, JsonNode? value)
    {
        if (path.Count == 0)
        {
            return value!.ToJsonString();
        }

        var parent = Find(root, path.SkipLast(1));
        if (path[^1] is string key)
        {
            parent.AsObject()[key] = value;
        }
        else
        {
            parent.AsArray()[(int)path[^1]] = value;
        }

        return root.ToJsonString();
    }

    private static JsonNode Find(JsonNode root, IEnumerable<object> path) =>
        path.Aggregate(root, (node, step) => step is string key ? node[key]! : node[(int)step]!);

    private static string Pointer(IEnumerable<object> path) => string.Concat(path.Select(p => "/" + p.ToString()!.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));

    private static string Shape(IEnumerable<object> path) => string.Concat(path.Select(p => p is int ? "/*" : "/" + p));
}
