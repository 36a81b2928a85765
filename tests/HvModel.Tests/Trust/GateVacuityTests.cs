using HvModel.Core.Ir;
using HvModel.Core.Review;
using HvModel.Explicit.Review;

namespace HvModel.Tests.Trust;

/// <summary>
/// Issue 21, defect 5: the gate saw a vacuous implication only at the top of an invariant, not
/// in the usual per-CPU form under <c>forall</c>, nor inside <c>and</c> or a nested implication.
/// </summary>
public class GateVacuityTests
{
    private static GateFinding[] Vacuous(string invariant)
    {
        var model = Check.Load($$"""
            model kref
            type Cpu = scalarset(2)
            enum Pc { idle, found, holding }
            var pc: array[Cpu] of Pc = idle
            var freed: bool = false
            action lookup(c: Cpu) when pc[c] = idle do pc[c] := found end
            action drop(c: Cpu) when pc[c] = found do pc[c] := idle end
            action free when !freed do freed := true end
            invariant p: {{invariant}}
            """);
        return [.. Gate.Run(model, model.Variants).Findings.Where(f => f.Kind == GateFindingKind.VacuousImplication)];
    }

    [Fact]
    public void An_implication_under_forall_whose_left_side_never_holds_is_vacuous()
    {
        var f = Assert.Single(Vacuous("forall c: Cpu . pc[c] = holding -> !freed"));

        Assert.Equal("p", f.Subject);
        Assert.Contains("the left side of the implication at 9:30", f.Detail);
    }

    [Fact]
    public void An_implication_inside_and_or_nested_in_another_is_looked_at_too()
    {
        Assert.Single(Vacuous("(freed -> true) and (forall c: Cpu . pc[c] = holding -> !freed)"));
        Assert.Single(Vacuous("freed -> forall c: Cpu . pc[c] = holding -> true"));
    }

    [Fact]
    public void A_nested_left_side_is_vacuous_when_never_met_together_with_the_outer_one()
    {
        // pc[c] = found is reachable, but never once freed is set? It is: both are reachable together.
        Assert.Empty(Vacuous("freed -> forall c: Cpu . pc[c] = found -> true"));
        Assert.Empty(Vacuous("forall c: Cpu . pc[c] = found -> !freed or freed"));
    }
}
