namespace HvModel.Core.Ir;

/// <summary>
/// Every action instance of a model numbered across the model: by action in declaration order,
/// then by the instance's ordinal. The ranking of least traces and the liveness graph share it.
/// </summary>
public sealed class InstanceNumbering
{
    private readonly Dictionary<ActionDef, int> first = [];
    private readonly Model model;

    public InstanceNumbering(Model model)
    {
        this.model = model;
        var offset = 0L;
        foreach (var action in model.Actions)
        {
            first[action] = (int)offset;
            offset += action.InstanceCount;
        }

        Count = offset;
    }

    /// <summary>How many instances the model has.</summary>
    public long Count { get; }

    /// <summary>The number of the action's first instance.</summary>
    public int First(ActionDef action) => first[action];

    /// <summary>The number of the instance of <paramref name="action"/> with <paramref name="args"/>.</summary>
    public int Of(ActionDef action, IReadOnlyList<int> args) => first[action] + action.OrdinalOf(args);

    /// <summary>As <see cref="Of(ActionDef, IReadOnlyList{int})"/>, for arguments a search lends (a liveness graph numbers millions of transitions).</summary>
    public int Of(ActionDef action, ReadOnlySpan<int> args)
    {
        var ordinal = 0;
        for (var i = 0; i < args.Length; i++)
        {
            var domain = action.Parameters[i].Domain;
            ordinal = (ordinal * domain.Count) + domain.OrdinalOf(args[i]);
        }

        return first[action] + ordinal;
    }

    /// <summary>The instance with that number.</summary>
    public ActionInstance Instance(int number)
    {
        var action = model.Actions.First(a => first[a] <= number && number < first[a] + a.InstanceCount);
        return action.Instance(number - first[action]);
    }
}
