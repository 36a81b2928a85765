namespace HvModel.Symbolic.Smt;

/// <summary>Keeps the commands sent to it as a script (a proof obligation's), in order.</summary>
public sealed class ScriptRecorder : ISmtSink
{
    private readonly List<string> commands = [];

    public IReadOnlyList<string> Commands => commands;

    public void Send(string commands) => this.commands.Add(commands);

    public void Assert(string term) => Send($"(assert {term})");
}
