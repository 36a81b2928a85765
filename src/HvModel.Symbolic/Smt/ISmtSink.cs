namespace HvModel.Symbolic.Smt;

/// <summary>Where SMT-LIB commands go: a running solver, or a script kept for a fresh solver to re-check.</summary>
public interface ISmtSink
{
    /// <summary>Sends commands that answer nothing (declarations, assertions).</summary>
    void Send(string commands);

    void Assert(string term) => Send($"(assert {term})");

    void Declare(string name, string sort) => Send($"(declare-const {name} {sort})");
}
