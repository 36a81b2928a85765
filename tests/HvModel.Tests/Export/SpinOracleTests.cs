namespace HvModel.Tests.Export;

/// <summary>How the SPIN oracle reads pan's counts.</summary>
public sealed class SpinOracleTests
{
    [Fact]
    public void Nominal_states_past_a_million_are_exact()
    {
        // pan prints the nominal line with %g: six digits. Stored less atomic steps is exact
        // (the flagship's pre variant at 3x3 has 1,510,438 states in HvModel, and pan 855 atomic steps).
        const string pan = """
            State-vector 132 byte, depth reached 47, errors: 0
              1512148 states, stored
            	1.51129e+06 nominal states (stored-atomic)
             28937710 states, matched
             30449858 transitions (= stored+matched)
                  855 atomic steps
            """;
        Assert.Equal(1_511_293, SpinOracle.NominalStates(pan));
    }

    [Fact]
    public void Without_atomic_steps_every_stored_state_is_nominal()
    {
        const string pan = """
                 2433 states, stored
            	     2433 nominal states (stored-atomic)
                    0 atomic steps
            """;
        Assert.Equal(2433, SpinOracle.NominalStates(pan));
    }
}
