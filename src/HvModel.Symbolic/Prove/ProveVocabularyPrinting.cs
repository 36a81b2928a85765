using HvModel.Core.Ir;
using HvModel.Symbolic.Printing;

namespace HvModel.Symbolic.Prove;

/// <summary>What prove's SMT names stand for, for <see cref="ModelSyntaxPrinter"/>.</summary>
public static class ProveVocabularyPrinting
{
    /// <summary>The vocabulary of a state named <paramref name="prefix"/>: its functions print as the model's variables.</summary>
    public static SolverVocabulary For(ProveVocabulary vocabulary, string prefix = "x")
    {
        var result = SolverVocabulary.ForModelNames(vocabulary.Model);
        foreach (var v in vocabulary.Model.Vars)
        {
            var name = ProveVocabulary.StateFunction(prefix, v);
            var element = ProveVocabulary.ElementType(v);
            if (v.Type is ArrayType)
            {
                result.Function(name, v.Name, element);
            }
            else
            {
                result.Atom(name, v.Name, element);
            }
        }

        foreach (var s in vocabulary.Scalarsets)
        {
            result.Sort(ProveVocabulary.SortOf(s), s.Name);
            for (var k = 0; k < s.Fixed; k++)
            {
                result.Atom(ProveVocabulary.Distinguished(s, k), s.Distinguished[k], s);
            }
        }

        foreach (var e in vocabulary.Enums)
        {
            result.Sort(ProveVocabulary.SortOf(e), e.Name);
            for (var k = 0; k < e.Count; k++)
            {
                result.Atom(ProveVocabulary.Constructor(e, k), e.Members[k], e);
            }
        }

        return result;
    }
}
