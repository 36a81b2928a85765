using HvModel.Core.Ir;
using HvModel.Reports;

namespace HvModel.Tests.Reports;

public class VerdictWordsTests
{
    public static TheoryData<PropertyKind, Verdict> Every()
    {
        var data = new TheoryData<PropertyKind, Verdict>();
        foreach (var kind in Enum.GetValues<PropertyKind>())
        {
            foreach (var verdict in Enum.GetValues<Verdict>())
            {
                data.Add(kind, verdict);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_verdict_of_every_kind_has_its_words_and_JSON_names_the_verdict_alone(PropertyKind kind, Verdict verdict)
    {
        Assert.NotEmpty(VerdictWords.Plain(kind, verdict));
        Assert.NotEmpty(VerdictWords.Css(kind, verdict));
        Assert.Equal(VerdictWords.Cell(kind, verdict), VerdictWords.Cell(kind, verdict).Trim());
        Assert.Equal(VerdictWords.Json(verdict), VerdictWords.Json(verdict).ToLowerInvariant());
    }

    [Fact]
    public void A_cover_is_reached_in_words_and_holds_in_JSON()
    {
        Assert.Equal("reached", VerdictWords.Plain(PropertyKind.Cover, Verdict.Holds));
        Assert.Equal("UNREACHED", VerdictWords.Cell(PropertyKind.Cover, Verdict.Violated));
        Assert.Equal("holds", VerdictWords.Json(Verdict.Holds));
        Assert.Equal("unchecked", VerdictWords.Json(Verdict.NotChecked));
    }
}
