namespace HvModel.Export;

/// <summary>A name bound while the exporters write a loop's body, a choice or a let: bound for the call, then put back as it was.</summary>
internal static class ScopedBinding
{
    /// <summary>Runs <paramref name="body"/> with <paramref name="key"/> bound to <paramref name="value"/> in <paramref name="map"/>, then restores the binding it had, or none.</summary>
    public static T With<TKey, TValue, T>(Dictionary<TKey, TValue> map, TKey key, TValue value, Func<T> body)
        where TKey : notnull
    {
        var had = map.TryGetValue(key, out var saved);
        map[key] = value;
        try
        {
            return body();
        }
        finally
        {
            if (had)
            {
                map[key] = saved!;
            }
            else
            {
                map.Remove(key);
            }
        }
    }
}
