using CsCheck;
using HvModel.TestSupport.Fuzzing;

namespace HvModel.Tests.Fuzzing;

/// <summary>
/// Mutation fuzzing of the repository's own models in the suite: 1,000 cases, in-process (load,
/// then an explicit check with 500 states and a 2 s timeout). Every case ends in a model error of
/// the compiler form, a model error at run time, or verdicts; never an exception or a hang.
/// bench/fuzz.sh runs 100,000. Every family runs here; the tests below pin the four defects the
/// families found (issue 13's chain, NUL include and huge domain; 10 MB of variables).
/// </summary>
public sealed class MutationFuzzTests : IDisposable
{
    private static readonly Corpus Corpus = Corpus.Load(Repo.Root);
    private readonly FuzzHarness harness = new(Corpus);

    [Fact]
    public void A_thousand_mutated_models_end_in_an_expected_class()
    {
        var mutator = new Mutator(Corpus);
        Gen.ULong.Sample(
            seed =>
            {
                var result = harness.Run(mutator.Create(seed, MutationFamilies.Suite));
                Assert.False(result.Failed, $"{result}\nreproducer: bench/fuzz.sh --from {seed} --count 1, or: campaign fuzzcase --root . --seed {seed} --family {result.Case.Family} --out FILE");
            },
            iter: 1000,
            threads: 2);
    }

    [Fact]
    public void Every_suite_family_is_exercised_and_mutants_differ_from_their_source()
    {
        var mutator = new Mutator(Corpus);
        foreach (var family in MutationFamilies.Suite.Where(f => f != MutationFamily.HugeFile))
        {
            var c = mutator.Create(17, family);
            Assert.NotEqual(Corpus.Read(c.Source), c.Bytes);
        }
    }

    [Fact]
    public void A_ten_megabyte_file_is_read_and_checked()
    {
        var c = new Mutator(Corpus).Create(5, MutationFamily.HugeFile);
        Assert.True(c.Bytes.Length >= 10 * 1024 * 1024);
        var result = harness.Run(c);
        Assert.False(result.Failed, result.ToString());
    }

    [Fact]
    public void The_harness_tells_a_crash_from_a_model_error()
    {
        // The classes the fuzz test relies on: a plain syntax error is a ModelError with the compiler form.
        Assert.Equal(FuzzOutcome.ModelError, Outcome("model m\nvar x: bool = \n"u8.ToArray()));
        Assert.Equal(FuzzOutcome.Verdict, Outcome("model m\nvar x: bool = false\naction a do x := !x end\ninvariant i: true\n"u8.ToArray()));
        Assert.Equal(FuzzOutcome.RuntimeFailure, Outcome("model m\nvar x: 0 .. 2 = 0\naction a do x := x + 1 end\ninvariant i: true\n"u8.ToArray()));
    }

    [Fact]
    public void A_nul_in_an_include_path_is_a_model_error()
    {
        Assert.Equal(FuzzOutcome.ModelError, Outcome("include \"\0\"\nmodel m\n"u8.ToArray()));
    }

    [Fact]
    public void A_huge_range_without_initialiser_respects_the_limits()
    {
        var result = Run("model m\nvar x: 0 .. 21474836\ninvariant i: true\n"u8.ToArray());
        Assert.False(result.Failed, result.ToString());
    }

    [Fact]
    public void A_six_thousand_operand_chain_is_taken_or_rejected()
    {
        var chain = string.Join(" and ", Enumerable.Repeat("x < 2", 6000));
        var result = Run(System.Text.Encoding.UTF8.GetBytes($"model m\nvar x: 0 .. 3 = 0\ninvariant big: {chain}\n"));
        Assert.False(result.Failed, result.ToString());
    }

    [Fact]
    public void Ten_megabytes_of_variables_are_taken_or_rejected()
    {
        var result = harness.Run(new Mutator(Corpus).Create(3096, MutationFamily.HugeFileOfVariables));
        Assert.False(result.Failed, result.ToString());
    }

    private FuzzOutcome Outcome(byte[] bytes) => Run(bytes).Outcome;

    private FuzzResult Run(byte[] bytes) =>
        harness.Run(new FuzzCase((ulong)Random.Shared.NextInt64(), MutationFamily.TokenEdit, "tests/models/holds/counter.hvm", "hand-written", bytes));

    public void Dispose() => harness.Dispose();
}
