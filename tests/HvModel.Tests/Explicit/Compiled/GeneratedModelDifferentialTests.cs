using HvModel.TestSupport.Generation;

namespace HvModel.Tests.Explicit.Compiled;

/// <summary>
/// Compiled against interpreted successors on generated models (the shared generator's
/// <see cref="GeneratorSettings.Hostile"/> profile): random guards, effects and properties over
/// every node kind, inside every statement kind, with values that often fall out of range and
/// indices out of bounds, so that the compiled code's error handling is compared too.
/// </summary>
public class GeneratedModelDifferentialTests
{
    private const int Models = 40;

    public static TheoryData<ulong> Seeds() => Check.Seeds(Models);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compiled_and_interpreted_successors_agree_on_a_generated_model(ulong seed)
    {
        var model = Check.Hostile(seed);
        foreach (var variant in model.Variants)
        {
            SuccessorDifferential.Compare(model, variant, maxStates: 800);
        }
    }

    [Fact]
    public void The_generated_models_meet_model_errors()
    {
        // Without errors the differential test would not test their detection.
        var errors = 0;
        for (var seed = 1UL; seed <= Models; seed++)
        {
            var model = Check.Hostile(seed);
            var coverage = SuccessorDifferential.Compare(model, model.Variants[0], maxStates: 300);
            errors += coverage.ErrorStates + coverage.PropertyErrors;
        }

        Assert.True(errors > Models, $"only {errors} states with a model error in {Models} generated models");
    }
}
