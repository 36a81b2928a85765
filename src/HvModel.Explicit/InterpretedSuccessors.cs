using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Explicit;

/// <summary>The reference successor function: the tree-walking interpreter itself.</summary>
public sealed class InterpretedSuccessors(Semantics semantics, IReadOnlyList<PropertyDef> properties) : ISuccessorFunction
{
    public void Successors(int[] state, SuccessorHandler handler) => semantics.Successors(state, handler);

    public bool Holds(int property, int[] state) => semantics.Holds(properties[property], state);
}
