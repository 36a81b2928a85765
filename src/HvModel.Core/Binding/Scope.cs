using HvModel.Core.Ir;

namespace HvModel.Core.Binding;

/// <summary>
/// Names bound inside a body: locals, and the parameters of an inlined definition (which
/// stand for the argument expressions). Immutable; inner scopes shadow outer ones.
/// </summary>
internal sealed class Scope
{
    public static readonly Scope Empty = new(null, "", null, null);

    private readonly Scope? parent;
    private readonly string name;
    private readonly Local? local;
    private readonly Expr? substitute;

    private Scope(Scope? parent, string name, Local? local, Expr? substitute)
    {
        this.parent = parent;
        this.name = name;
        this.local = local;
        this.substitute = substitute;
    }

    public Scope With(Local bound) => new(this, bound.Name, bound, null);

    public Scope With(string boundName, Expr argument) => new(this, boundName, null, argument);

    /// <summary>The bound local or argument expression for <paramref name="lookup"/>, or nulls when unbound.</summary>
    public (Local? Local, Expr? Substitute) Find(string lookup)
    {
        for (var s = this; s is not null && s.parent is not null; s = s.parent)
        {
            if (s.name == lookup)
            {
                return (s.local, s.substitute);
            }
        }

        return (null, null);
    }
}
