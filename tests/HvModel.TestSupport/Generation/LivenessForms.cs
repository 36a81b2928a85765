namespace HvModel.TestSupport.Generation;

/// <summary>The four liveness forms of the language, as the model generators write them.</summary>
public static class LivenessForms
{
    /// <summary>
    /// Form <paramref name="which"/> (0 to 3: leadsto, always eventually, eventually, eventually
    /// always) of predicate <paramref name="p"/>; <paramref name="q"/> is drawn only for leadsto,
    /// after <paramref name="p"/>, so a generator's sequence of choices is as it was.
    /// </summary>
    public static string Text(int which, string p, Func<string> q) => which switch
    {
        0 => $"{p} leadsto {q()}",
        1 => $"always eventually {p}",
        2 => $"eventually {p}",
        _ => $"eventually always {p}",
    };
}
