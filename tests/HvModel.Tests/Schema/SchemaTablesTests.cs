using System.Text.Json;
using HvModel.Cli;
using HvModel.Core.Ir;
using HvModel.Core.Review;
using HvModel.Reports;
using HvModel.Symbolic.Prove;

namespace HvModel.Tests.Schema;

/// <summary>
/// The schema's word lists are the code's tables, so neither can grow a word the other lacks:
/// verdicts (VerdictWords), engines (EngineCatalog), gate findings and lemma origins.
/// </summary>
public class SchemaTablesTests
{
    private static string[] Enum(params string[] path)
    {
        var node = path.Aggregate(ReportSchema.Root, (n, p) => n.GetProperty(p));
        return [.. node.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];
    }

    private static string[] Sorted(IEnumerable<string> words) => [.. words.Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public void Verdict_words_are_the_JSON_column_of_VerdictWords()
    {
        Assert.Equal(Sorted(System.Enum.GetValues<Verdict>().Select(VerdictWords.Json)), Enum("$defs", "verdict"));
    }

    [Fact]
    public void Engines_are_the_ones_engine_can_name_and_prove_is_one_more_in_settings()
    {
        Assert.Equal(Sorted(EngineCatalog.Names), Enum("$defs", "engine"));
        Assert.Equal(Sorted([.. EngineCatalog.Names, "prove"]), Enum("$defs", "settings", "properties", "engine"));
    }

    [Fact]
    public void Property_kinds_are_the_kinds_of_property()
    {
        Assert.Equal(Sorted(System.Enum.GetValues<PropertyKind>().Select(k => k.ToString().ToLowerInvariant())), Enum("$defs", "property_kind"));
    }

    [Fact]
    public void Gate_finding_kinds_are_the_words_of_every_kind()
    {
        var words = System.Enum.GetValues<GateFindingKind>().Select(k => new GateFinding(k, "", "", "", null).KindWord);

        Assert.Equal(Sorted(words), Enum("$defs", "finding_kind"));
    }

    [Fact]
    public void Lemma_origins_are_the_words_of_every_origin()
    {
        var words = System.Enum.GetValues<LemmaOrigin>().Select(o => new PrintedLemma("", o, "", null).OriginWord);

        Assert.Equal(Sorted(words), Enum("$defs", "variant_proof", "properties", "invariant", "items", "properties", "origin"));
    }

    [Fact]
    public void Every_object_of_the_contract_refuses_fields_it_does_not_name()
    {
        // Objects keyed by the model's names (constants, state) say what their values are
        // instead; every object that lists properties must refuse the unlisted ones.
        var open = new List<string>();
        Walk(ReportSchema.Root, "#", open);

        Assert.Empty(open);
    }

    private static void Walk(JsonElement node, string at, List<string> open)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("properties", out _) && !(node.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False))
        {
            open.Add(at);
        }

        // An "if" only tells the kinds of document apart: it describes no object.
        foreach (var p in node.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object && p.Name != "if"))
        {
            if (p.Name is "properties" or "$defs")
            {
                // A map from names to schemas, not a schema: its members are the schemas (ablation
                // has a field named "properties").
                foreach (var member in p.Value.EnumerateObject())
                {
                    Walk(member.Value, $"{at}/{p.Name}/{member.Name}", open);
                }
            }
            else
            {
                Walk(p.Value, $"{at}/{p.Name}", open);
            }
        }
    }
}
