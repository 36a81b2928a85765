using HvModel.Core.Ir;

namespace HvModel.Export.Murphi;

/// <summary>
/// The locals in scope while one rule, start state, function or invariant is written: the
/// Murphi value each HvModel local stands for, and the Murphi type of those held in a name.
/// </summary>
internal sealed class MurphiFrame(MurphiScope scope)
{
    private readonly Dictionary<Local, MurphiValue> env = [];
    private readonly Dictionary<Local, string> types = [];

    public MurphiScope Scope => scope;

    /// <summary>The range of each integer <c>let</c> bound to a rule variable.</summary>
    public Dictionary<Local, Interval> IntegerLets { get; } = [];

    /// <summary>The value <paramref name="local"/> stands for.</summary>
    public MurphiValue this[Local local] =>
        env.TryGetValue(local, out var value) ? value : throw new InvalidOperationException($"Murphi export: unbound local {local.Name}");

    /// <summary>Binds <paramref name="local"/> for the rest of the frame (a rule parameter, a function's).</summary>
    public void Bind(Local local, MurphiValue value, string? type = null)
    {
        env[local] = value;
        if (type is not null)
        {
            types[local] = type;
        }
    }

    /// <summary>The Murphi type of the name a local is held in (for the parameters of a <c>count</c> function).</summary>
    public string TypeOf(Local local, MurphiTypes murphi) =>
        types.TryGetValue(local, out var type) ? type
        : local.Type is ScalarType s ? murphi.Scalar(s)
        : $"{int.MinValue}..{int.MaxValue}";

    /// <summary>Runs <paramref name="body"/> with <paramref name="local"/> bound, then unbinds it.</summary>
    public T With<T>(Local local, MurphiValue value, Func<T> body, string? type = null) =>
        ScopedBinding.With(env, local, value, () => type is null ? body() : ScopedBinding.With(types, local, type, body));

    /// <summary>As <see cref="With{T}"/>, for a statement writer.</summary>
    public void With(Local local, MurphiValue value, Action body, string? type = null) => With(local, value, () =>
    {
        body();
        return 0;
    }, type);
}
