using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Symbolic.Prove;

/// <summary>The model bound with its scalarsets at chosen sizes (the other constants as given).</summary>
/// <param name="Constants">The constants set for this configuration, size constants included.</param>
/// <param name="Model">The model bound with those constants.</param>
/// <param name="Label">The sizes, e.g. "CPUS=1 IRQS=3".</param>
public sealed record SizeConfiguration(IReadOnlyDictionary<string, string> Constants, Model Model, string Label);

/// <summary>
/// Finds which constant sets the size of each scalarset (by binding the model with the
/// constant changed), binds the model at every combination of sizes up to a bound (the
/// distinguished members at least, and at least one member), and checks that the bindings
/// differ in nothing else (<see cref="IrFingerprint"/>): a size constant used elsewhere makes
/// the model something other than one system for every size, which prove refuses.
/// </summary>
public static class SizeConfigurations
{
    /// <summary>The configurations, and the constant that sets each scalarset's size (by scalarset name).</summary>
    public static (IReadOnlyList<SizeConfiguration> Configurations, IReadOnlyDictionary<string, string> SizeConstants) Find(
        Model model,
        Variant variant,
        IReadOnlyDictionary<string, string> overrides,
        Func<IReadOnlyDictionary<string, string>, Model> load,
        int maxSize)
    {
        var controls = new List<(Constant Constant, List<int> Values)>();
        var sizeConstants = new Dictionary<string, string>();
        foreach (var c in model.Constants.Where(c => c.Type is RangeType or IntType))
        {
            var sizes = new Dictionary<int, Model>();
            var changes = false;
            foreach (var value in Enumerable.Range(0, maxSize + 1))
            {
                if (TryLoad(load, overrides, c.Name, value) is not { } m)
                {
                    continue;
                }

                sizes[value] = m;
                changes |= !SameSizes(m, model);
            }

            if (changes)
            {
                foreach (var s in sizes.Values.SelectMany(m => m.Scalarsets).Where(s => !SameSize(sizes.Values.First(m => m.Scalarsets.Contains(s)), model, s.Name)))
                {
                    sizeConstants.TryAdd(s.Name, c.Name);
                }

                // The values of this constant that give every scalarset a size within the bound.
                var values = sizes.Where(kv => kv.Value.Scalarsets.All(s => s.Size <= maxSize || SameSize(kv.Value, model, s.Name)))
                    .Select(kv => kv.Key).ToList();
                controls.Add((c, values));
            }
        }

        var baseline = IrFingerprint.Of(model, variant);
        var configurations = new List<SizeConfiguration>();
        foreach (var combination in Combinations(controls, 0, []))
        {
            var constants = new Dictionary<string, string>(overrides);
            foreach (var (name, value) in combination)
            {
                constants[name] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var bound = load(constants);
            var label = combination.Count == 0 ? "as given" : string.Join(' ', combination.Select(kv => $"{kv.Key}={kv.Value}"));
            var fingerprint = IrFingerprint.Of(bound, bound.GetVariant(variant.Name));
            for (var k = 0; k < baseline.Count && k < fingerprint.Count; k++)
            {
                if (baseline[k] != fingerprint[k])
                {
                    throw new ProveUnsupportedException($"{baseline[k].Part} changes with the sizes ({label}): a size constant is used outside 'scalarset(...)', so the model is not one system for every size");
                }
            }

            configurations.Add(new SizeConfiguration(constants, bound, label));
        }

        return (configurations, sizeConstants);
    }

    private static Model? TryLoad(Func<IReadOnlyDictionary<string, string>, Model> load, IReadOnlyDictionary<string, string> overrides, string name, int value)
    {
        try
        {
            return load(new Dictionary<string, string>(overrides) { [name] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        catch (ModelError)
        {
            return null;
        }
    }

    private static bool SameSizes(Model a, Model b) => a.Scalarsets.All(s => SameSize(a, b, s.Name));

    private static bool SameSize(Model a, Model b, string scalarset) =>
        a.Scalarsets.First(s => s.Name == scalarset).Size == b.Scalarsets.FirstOrDefault(s => s.Name == scalarset)?.Size;

    private static IEnumerable<List<KeyValuePair<string, int>>> Combinations(List<(Constant Constant, List<int> Values)> controls, int k, List<KeyValuePair<string, int>> chosen)
    {
        if (k == controls.Count)
        {
            yield return [.. chosen];
            yield break;
        }

        foreach (var v in controls[k].Values)
        {
            chosen.Add(new(controls[k].Constant.Name, v));
            foreach (var c in Combinations(controls, k + 1, chosen))
            {
                yield return c;
            }

            chosen.RemoveAt(chosen.Count - 1);
        }
    }
}
