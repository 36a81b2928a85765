using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Explicit;

/// <summary>The reference successor function: the tree-walking interpreter itself.</summary>
public sealed class InterpretedSuccessors(Semantics semantics, IReadOnlyList<PropertyDef> properties, StateCodec codec) : ISuccessorFunction
{
    public void Successors(int[] state, SuccessorHandler handler, Action<ModelRuntimeError>? onError = null) =>
        semantics.Successors(state, handler, onError is null ? null : new RunObserver { OnError = onError });

    public bool Holds(int property, int[] state) => semantics.Holds(properties[property], state);

    public void Pack(int[] state, ulong[] packed) => codec.Pack(state, packed);

    public string Describe() => "interpreted (--interpret)";
}
