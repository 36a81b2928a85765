using System.Globalization;
using System.Text;
using System.Text.Json;
using HvModel.Core.Ir;
using HvModel.Reports;
using HvModel.Symbolic.Prove;

namespace HvModel.Cli;

/// <summary>
/// What <c>hvmodel prove</c> prints: per variant, each invariant's verdict for every size, the
/// inductive invariant in the model's syntax (each lemma marked property, inferred or
/// hand-written), the certificate checks that ran, the fragment the queries are in, and the
/// time of each phase; a property not proved comes with its counterexample to induction, told
/// as a trace step. JSON has the same content.
/// </summary>
public static class ProveReport
{
    public static string Text(Model model, IReadOnlyList<VariantProof> proofs, string version, string solvers)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"hvmodel {version} prove: {model.Name} ({model.SourceFile}), {solvers}");
        var sorts = string.Join(", ", model.Scalarsets.Select(s => s.Fixed == 0 ? s.Name : $"{s.Name} (with {string.Join(", ", s.Distinguished)})"));
        sb.AppendLine($"for every size of: {(sorts.Length == 0 ? "(no scalarset: one configuration)" : sorts)}");
        foreach (var p in proofs)
        {
            var s = p.Statistics;
            sb.AppendLine();
            sb.AppendLine($"variant {p.Variant}:");
            sb.AppendLine($"  sampled: {s.Configurations} configurations, {s.SampledStates:N0} reachable states (explicit engine, {Seconds(s.ExplicitSeconds)})");
            sb.AppendLine($"  candidates: {s.Mined:N0} inferred clauses hold in every sampled state; {s.Candidates:N0} candidates with the properties and lemmas; {s.AfterHoudini:N0} inductive after Houdini ({s.HoudiniRounds} solver rounds)");
            sb.AppendLine($"  queries: {p.Fragment}");
            var width = p.Properties.Count == 0 ? 0 : p.Properties.Max(r => r.Property.Length);
            foreach (var r in p.Properties)
            {
                var verdict = r.Verdict switch
                {
                    Verdict.Holds => $"holds for every size{(r.InferredOnly ? " (inferred lemmas alone)" : " (with hand-written lemmas)")}",
                    Verdict.Violated => "VIOLATED",
                    _ => "unknown",
                };
                sb.AppendLine($"  {r.Property.PadRight(width)}  {verdict}{(r.Reason is null ? string.Empty : $": {r.Reason}")}");
                if (r.Verdict == Verdict.Holds)
                {
                    sb.AppendLine($"  {new string(' ', width)}  implied by: {string.Join(", ", r.Lemmas)}");
                }
            }

            if (p.Invariant.Count > 0)
            {
                sb.AppendLine("  inductive invariant (for every size):");
                foreach (var l in p.Invariant)
                {
                    StateFormatter.AppendWrapped(sb, $"{l.Name} ({l.OriginWord}): {l.Text}", 4, 100);
                }
            }

            if (p.Certificate is { } c)
            {
                StateFormatter.AppendWrapped(sb, $"certified: {c}", 2, 100);
            }

            foreach (var r in p.Properties.Where(r => r.Cti is not null))
            {
                var cti = r.Cti!;
                sb.AppendLine($"  counterexample to induction for {r.Property}{(cti.Sizes.Length > 0 ? $" ({cti.Sizes})" : string.Empty)}:");
                StateFormatter.AppendWrapped(sb, cti.What, 4, 100);
                sb.AppendLine("    the state before (it satisfies the invariant tried; it need not be reachable):");
                foreach (var line in StateFormatter.Variables(cti.Model, cti.Step.Steps[0].State))
                {
                    sb.AppendLine($"      {line}");
                }

                var step = cti.Step.Steps[1];
                sb.AppendLine($"    the step: {StateFormatter.ActionCall(step.Action!, step.Args)}{(step.Action!.Calls is { } calls ? $"  ({calls})" : string.Empty)}");
                foreach (var note in step.Notes)
                {
                    sb.AppendLine($"      * {note}");
                }

                foreach (var change in StateFormatter.Changes(cti.Model, cti.Step.Steps[0].State, step.State))
                {
                    sb.AppendLine($"      {change}");
                }
            }

            sb.AppendLine($"  times: explicit {Seconds(s.ExplicitSeconds)}, mining {Seconds(s.MiningSeconds)}, Houdini {Seconds(s.HoudiniSeconds)}, support {Seconds(s.SupportSeconds)}, certificate {Seconds(s.CertificateSeconds)}; total {Seconds(s.TotalSeconds)}");
        }

        return sb.ToString();
    }

    /// <summary>The same as JSON, in the frame every JSON document of hvmodel has (<see cref="JsonFrame"/>).</summary>
    public static string Json(Model model, IReadOnlyList<VariantProof> proofs, ReportHeader header) => JsonFrame.Document(header, model, w =>
    {
        w.WriteStartArray("variants");
        foreach (var p in proofs)
        {
            WriteVariant(w, model, p);
        }

        w.WriteEndArray();
    });

    private static void WriteVariant(Utf8JsonWriter w, Model model, VariantProof p)
    {
        w.WriteStartObject();
        w.WriteString("variant", p.Variant);
        w.WriteString("fragment", p.Fragment);
        w.WriteString("certificate", p.Certificate);
        var s = p.Statistics;
        w.WriteStartObject("statistics");
        w.WriteNumber("configurations", s.Configurations);
        w.WriteNumber("sampled_states", s.SampledStates);
        w.WriteNumber("inferred", s.Mined);
        w.WriteNumber("candidates", s.Candidates);
        w.WriteNumber("after_houdini", s.AfterHoudini);
        w.WriteNumber("houdini_rounds", s.HoudiniRounds);
        w.WriteNumber("explicit_seconds", Math.Round(s.ExplicitSeconds, 3));
        w.WriteNumber("mining_seconds", Math.Round(s.MiningSeconds, 3));
        w.WriteNumber("houdini_seconds", Math.Round(s.HoudiniSeconds, 3));
        w.WriteNumber("support_seconds", Math.Round(s.SupportSeconds, 3));
        w.WriteNumber("certificate_seconds", Math.Round(s.CertificateSeconds, 3));
        w.WriteNumber("seconds", Math.Round(s.TotalSeconds, 3));
        w.WriteEndObject();
        w.WriteStartArray("invariant");
        foreach (var l in p.Invariant)
        {
            w.WriteStartObject();
            w.WriteString("name", l.Name);
            w.WriteString("origin", l.OriginWord);
            w.WriteString("text", l.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("results");
        foreach (var r in p.Properties)
        {
            w.WriteStartObject();
            w.WriteString("property", r.Property);
            w.WriteString("verdict", r.Verdict == Verdict.Holds ? "holds for every size" : VerdictWords.Json(r.Verdict));
            w.WriteString("expected", VerdictWords.Json(model.Expected(p.Variant, r.Property)));
            w.WriteString("reason", r.Reason);
            w.WriteBoolean("inferred_only", r.Verdict == Verdict.Holds && r.InferredOnly);
            w.WriteStartArray("lemmas");
            foreach (var l in r.Lemmas)
            {
                w.WriteStringValue(l);
            }

            w.WriteEndArray();
            if (r.Cti is { } cti)
            {
                w.WriteStartObject("counterexample_to_induction");
                w.WriteString("sizes", cti.Sizes);
                w.WriteString("what", cti.What);
                JsonReport.WriteTrace(w, cti.Model, cti.Step);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>0 when every verdict is the one expected, 1 when one differs, 3 when one is unknown.</summary>
    public static int ExitCode(Model model, IReadOnlyList<VariantProof> proofs)
    {
        var results = proofs.SelectMany(p => p.Properties.Select(r => (p.Variant, r))).ToList();
        if (results.Any(x => x.r.Verdict != Verdict.Unknown && model.Expected(x.Variant, x.r.Property) is var e && e != Verdict.Unknown && e != x.r.Verdict))
        {
            return 1;
        }

        return results.Any(x => x.r.Verdict == Verdict.Unknown) ? 3 : 0;
    }

    private static string Seconds(double s) => $"{s.ToString("0.0", CultureInfo.InvariantCulture)} s";
}
