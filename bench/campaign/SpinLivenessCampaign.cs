using System.Diagnostics;
using HvModel.Core.Binding;
using HvModel.TestSupport.Generation;
using HvModel.TestSupport.Peers;

namespace HvModel.Campaign;

/// <summary>
/// SPIN as the liveness oracle on generated models FROM .. FROM+COUNT-1 (the model of number n
/// is <c>ModelGenerator.Liveness.FromSeed(n)</c>; <c>campaign generate --liveness --seed n</c>
/// prints it): every variant and liveness property, checked by HvModel and by SPIN under the
/// model's fairness and without any (see <see cref="LivenessComparison"/>). One line per case,
/// then the totals; exit 1 on a disagreement or a failure.
/// </summary>
internal static class SpinLivenessCampaign
{
    public static int Run(Arguments a)
    {
        var from = a.Number("from", 0);
        var count = (int)a.Number("count", 200);
        var jobs = (int)a.Number("jobs", 2);
        var clock = Stopwatch.StartNew();
        var outcomes = new (List<LivenessCase>? Cases, string? Skipped, string? Failure)[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
        {
            var generated = ModelGenerator.Liveness.FromSeed(from + (ulong)i);
            try
            {
                var model = ModelLoader.LoadText(generated.Text, generated.FileName);
                var (cases, skipped) = LivenessComparison.Compare(model, $"model {from + (ulong)i}", spinUnfair: true);
                outcomes[i] = (cases, skipped, null);
            }
            catch (Exception e)
            {
                outcomes[i] = (null, null, $"{e.GetType().Name}: {e.Message}");
            }
        });

        var failed = 0;
        for (var i = 0; i < count; i++)
        {
            var seed = from + (ulong)i;
            var (cases, skipped, failure) = outcomes[i];
            if (failure is not null)
            {
                failed++;
                Console.WriteLine($"FAIL model {seed}: {failure}");
                Console.WriteLine($"  reproducer: campaign generate --liveness --seed {seed} > m.hvm; hvmodel check m.hvm; hvmodel export m.hvm --liveness");
                continue;
            }

            if (skipped is not null)
            {
                Console.WriteLine($"model {seed}: skipped, {skipped}");
                continue;
            }

            foreach (var c in cases!)
            {
                Console.WriteLine(c);
            }

            if (cases!.Any(c => !c.Agrees))
            {
                Console.WriteLine($"  reproducer: campaign generate --liveness --seed {seed} > m.hvm; hvmodel check m.hvm; hvmodel export m.hvm --liveness");
            }
        }

        var all = outcomes.Where(o => o.Cases is not null).SelectMany(o => o.Cases!).ToList();
        var disagreements = all.Count(c => !c.Agrees);
        Console.WriteLine(
            $"spin-liveness: models {from} .. {from + (ulong)count - 1}: ran {count}, compared {outcomes.Count(o => o.Cases is not null)}, skipped {outcomes.Count(o => o.Skipped is not null)}, failed {failed}; " +
            $"properties compared {all.Count} (each with and without fairness): holds {all.Count(c => c.HvModel == Core.Ir.Verdict.Holds)}, violated {all.Count(c => c.HvModel == Core.Ir.Verdict.Violated)}, " +
            $"decided by fairness {all.Count(c => c.FairnessDecides)}, violated without fairness {all.Count(c => c.HvModelUnfair == Core.Ir.Verdict.Violated)}, " +
            $"with a fair guard that holds where the instance has no successor {all.Count(c => c.GuardWithoutSuccessor)}; " +
            $"disagreements {disagreements}; {clock.Elapsed.TotalSeconds:0.0} s");
        return failed == 0 && disagreements == 0 ? 0 : 1;
    }
}
