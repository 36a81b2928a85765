using HvModel.Core.Binding;
using HvModel.Symbolic.Printing;
using HvModel.Symbolic.Prove;

namespace HvModel.Symbolic.Tests.Prove;

/// <summary>
/// The one printer from solver terms to model syntax: slots and arrays by name, enum and
/// scalarset values by name (orderings on them as the members they admit), quantifiers and
/// clauses as the model writes them, parentheses only where precedence needs them.
/// </summary>
public sealed class ModelSyntaxPrinterTests
{
    private const string Model = """
        model printing
        const N: 1 .. 4 = 2
        type Cpu = scalarset(N) with Cpu0
        enum Pc { idle, found, holding }
        var pc: array[Cpu] of Pc = idle
        var online: array[Cpu] of bool = true
        var owner: Cpu = Cpu0
        var n: 0 .. 3 = 0
        """;

    private static readonly HvModel.Core.Ir.Model Bound = ModelLoader.LoadText(Model);

    // pdr's invariant: one parameter per slot, in slot order (pc[Cpu0], pc[Cpu1], online..., owner, n).
    private static string Slots(string term) =>
        new ModelSyntaxPrinter(SolverVocabulary.ForSlots(Bound, [.. Bound.Slots.Select((_, k) => $"x!{k}")])).Print(term);

    private static string Sorted(string term) =>
        new ModelSyntaxPrinter(ProveVocabularyPrinting.For(new ProveVocabulary(Bound))).Print(term);

    [Theory]
    [InlineData("(not (>= x!1 2))", "pc[Cpu1] != holding")]
    [InlineData("(>= x!0 1)", "pc[Cpu0] != idle")]
    [InlineData("(= x!4 1)", "owner = Cpu1")]
    [InlineData("(and x!2 (not x!3))", "online[Cpu0] and !online[Cpu1]")]
    [InlineData("(or (not x!2) (= x!0 0))", "online[Cpu0] -> pc[Cpu0] = idle")]
    [InlineData("(=> (and x!2 x!3) (<= (+ x!5 1) 3))", "online[Cpu0] and online[Cpu1] -> n + 1 <= 3")]
    [InlineData("(let ((a!1 (= x!5 2))) (or a!1 x!2))", "n = 2 or online[Cpu0]")]
    [InlineData("(* (- x!5 1) 2)", "(n - 1) * 2")]
    public void Pdr_invariants_print_in_the_model_s_syntax(string term, string expected) =>
        Assert.Equal(expected, Slots(term));

    [Theory]
    [InlineData("(forall ((v sort.Cpu)) (or (not (x!online v)) (= (x!pc v) Pc.idle)))", "forall c: Cpu . online[c] -> pc[c] = idle")]
    [InlineData("(forall ((a sort.Cpu) (b sort.Cpu)) (or (= a b) (not (= (x!pc a) Pc.holding)) (not (= (x!pc b) Pc.holding))))",
        "forall c: Cpu . forall c2: Cpu . pc[c] = holding and pc[c2] = holding -> c = c2")]
    [InlineData("(forall ((v sort.Cpu)) (or x!online_all (= (x!pc v) Pc.idle) (= (x!pc v) Pc.found)))", "forall c: Cpu . pc[c] = holding -> x!online_all")]
    [InlineData("(exists ((v sort.Cpu)) (and (x!online v) (not (= v Cpu.Cpu0))))", "exists c: Cpu . online[c] and c != Cpu0")]
    [InlineData("(or (not (= x!owner Cpu.Cpu0)) (x!online x!owner))", "owner = Cpu0 -> online[owner]")]
    public void Quantified_lemmas_print_as_the_model_writes_them(string term, string expected) =>
        Assert.Equal(expected, Sorted(term));
}
