using HvModel.Core.Ir;
using HvModel.Core.Review;

namespace HvModel.Reports.Review;

/// <summary>
/// <c>hvmodel ablate --format json</c>, field names as the issue fixes them:
/// <c>{"variant", "hunks": [...], "subsets": [{"hunks": [...], "verdicts": {PROPERTY: VERDICT},
/// "removes": [...]}],
/// "properties": [{"property", "necessary": [...], "minimal_sufficient": [[...], ...]}]}</c>,
/// after the frame every JSON report starts with (<see cref="JsonFrame"/>).
/// </summary>
public static class AblationJsonReport
{
    public static string Render(Model model, Ablation ablation, ReportHeader header) => JsonFrame.Document(header, model, w =>
    {
        w.WriteString("variant", ablation.Variant.Name);
        JsonFrame.Strings(w, "hunks", ablation.Variant.Hunks.Select(h => h.Name));
        w.WriteStartArray("subsets");
        foreach (var row in ablation.Rows)
        {
            w.WriteStartObject();
            JsonFrame.Strings(w, "hunks", row.Hunks.Select(h => h.Name));
            w.WriteStartObject("verdicts");
            foreach (var p in ablation.Columns)
            {
                w.WriteString(p, VerdictWords.Json(row.Verdicts[p]));
            }

            w.WriteEndObject();
            JsonFrame.Strings(w, "removes", row.Degenerate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("properties");
        foreach (var p in ablation.Columns)
        {
            w.WriteStartObject();
            w.WriteString("property", p);
            JsonFrame.Strings(w, "necessary", ablation.Necessary(p).Select(h => h.Name));
            w.WriteStartArray("minimal_sufficient");
            foreach (var set in ablation.MinimalSufficient(p))
            {
                w.WriteStartArray();
                foreach (var h in set)
                {
                    w.WriteStringValue(h.Name);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });
}
