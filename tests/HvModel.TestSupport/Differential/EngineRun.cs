using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.TestSupport.Differential;

/// <summary>
/// One engine's run over one variant: an outcome per property, or the model error that ends
/// it (with the length of the path to the failing state), or an unexpected exception.
/// </summary>
public sealed record EngineRun(string Engine, IReadOnlyDictionary<string, Outcome>? Outcomes, int? ErrorLength, string? Crash)
{
    public static EngineRun Of(IEngine engine, string label, Model model, Variant variant, IReadOnlyList<PropertyDef> properties, CheckOptions options)
    {
        try
        {
            var results = engine.Check(model, variant, properties, options);
            return new EngineRun(label, results.ToDictionary(r => r.Property, Outcome.Of), null, null);
        }
        catch (ModelRuntimeFailure f)
        {
            return new EngineRun(label, null, f.Trace.Length, null);
        }
        catch (Exception e)
        {
            return new EngineRun(label, null, null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    public override string ToString() => Crash is not null ? $"{Engine} crashed: {Crash}"
        : ErrorLength is { } l ? $"{Engine}: model error at length {l}"
        : $"{Engine}: {string.Join(", ", Outcomes!.Select(o => $"{o.Key} {o.Value}"))}";
}
