namespace HvModel.Explicit.Compiled;

/// <summary>
/// The compiled form of one (model, variant, constants) that <see cref="CompiledSuccessors"/>
/// runs, whichever back end made it (<see cref="ICodeGenerator"/>): transition functions to run
/// in order, whose instances are numbered as <see cref="Core.Ir.ActionDef.Instances"/> lists
/// them action after action; one predicate per checked property; the packer; and the scratch
/// arrays (one per nesting depth of <c>any</c>) the transitions need.
/// </summary>
public sealed record CompiledCode(
    TransitionFunction[] Transitions,
    Func<int[], bool>[] Predicates,
    Action<int[], ulong[]> Pack,
    int Depth,
    string Origin);
