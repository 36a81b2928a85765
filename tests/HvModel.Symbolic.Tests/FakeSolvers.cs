namespace HvModel.Symbolic.Tests;

/// <summary>
/// Fake <c>z3</c> programs (shell scripts in a temporary folder) that misbehave in one way each,
/// for the fault-injection tests; and a check that none of them is left running.
/// </summary>
internal sealed class FakeSolvers : IDisposable
{
    // Answers --version like z3, so that only the SMT-LIB session misbehaves.
    private const string VersionLine = "case \"$1\" in --version) echo 'Z3 version 4.8.12 - 64 bit (fake)'; exit 0 ;; esac\n";

    public string Dir { get; } = Directory.CreateTempSubdirectory("hvmodel-fake-z3-").FullName;

    /// <summary>Never answers anything, not even --version (a shell loop, so that it shows in the process table).</summary>
    public string HangsEvenOnVersion => Write("hang-all", "while :; do sleep 1; done\n");

    /// <summary>Answers --version, then reads the session and never answers.</summary>
    public string Hangs => Write("hang", VersionLine + "while IFS= read -r line; do :; done\nwhile :; do sleep 1; done\n");

    /// <summary>Prints a line of garbage for every line it reads, and never the sync marker.</summary>
    public string Garbage => Write("garbage", VersionLine + "while IFS= read -r line; do echo 'hello, I am not a solver'; done\n");

    /// <summary>Dies in the middle of its first answer.</summary>
    public string CrashesMidAnswer => Write("crash", VersionLine + Loop("*\"(check-sat\"*) printf 'sa'; exit 134 ;;"));

    /// <summary>Answers every check-sat with an error.</summary>
    public string Errors => Write("error", VersionLine + Loop("*\"(check-sat\"*) echo '(error \"line 1 column 1: out of memory\")' ;;"));

    /// <summary>Answers sat to every query, then dies while printing the model (issue 13's reproducer).</summary>
    public string SatThenCrash => Write("sat-crash", VersionLine + Loop("*\"(check-sat\"*) echo sat ;;\n*\"(get-\"*) echo '((s0_0 1)'; exit 139 ;;"));

    /// <summary>Answers sat, then an empty list to every get-value.</summary>
    public string SatThenEmptyValues => Write("sat-empty", VersionLine + Loop("*\"(check-sat\"*) echo sat ;;\n*\"(get-value\"*) echo '()' ;;\n*\"(get-model)\"*) echo '()' ;;"));

    /// <summary>
    /// Answers sat to every query and the bit-vector 0 for every value asked: a model of a path that does not
    /// exist in the model (and an invariant "true" when asked for one).
    /// </summary>
    public string Lies => Write("liar", VersionLine + Loop("""
        *"(check-sat"*) echo sat ;;
        *"(get-value ("*) names=$(printf '%s\n' "$line" | sed 's/.*(get-value (\([^)]*\))).*/\1/'); printf '('; for n in $names; do printf '(%s (_ bv0 1))' "$n"; done; echo ')' ;;
        *"(get-model)"*) echo '((define-fun Inv ((x!0 Int)) Bool true))' ;;
        """));

    /// <summary>
    /// The real z3, until a line of the session contains <paramref name="trigger"/>: then it
    /// hangs (a query that takes all the time there is, without depending on how fast z3 is).
    /// </summary>
    public string HangsOn(string name, string trigger) => Write(name, $$"""
        case "$1" in --version) exec z3 --version ;; esac
        while IFS= read -r line; do
          case "$line" in *"{{trigger}}"*) while :; do sleep 1; done ;; esac
          printf '%s\n' "$line"
        done | z3 "$@"

        """);

    /// <summary>The process ids of fake solvers still running.</summary>
    public IReadOnlyList<int> Running()
    {
        var found = new List<int>();
        foreach (var proc in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(proc, "cmdline")).Contains(Dir, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    /// <summary>Waits a little for killed fakes to be reaped, then returns those still running.</summary>
    public IReadOnlyList<int> Orphans()
    {
        for (var i = 0; i < 30 && Running().Count > 0; i++)
        {
            Thread.Sleep(100);
        }

        return Running();
    }

    public void Dispose()
    {
        foreach (var pid in Running())
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill(true);
            }
            catch (ArgumentException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }

        Directory.Delete(Dir, true);
    }

    public string Write(string name, string body)
    {
        var path = Path.Combine(Dir, name);
        return File.Exists(path) ? path : ExecutableScript.Write(path, body);
    }

    // A session loop: the cases given, then the sync marker and exit every fake understands.
    private static string Loop(string cases) => $$"""
        while IFS= read -r line; do
          case "$line" in
            {{cases}}
            *"(echo "*) echo hvmodel-sync ;;
            *"(exit)"*) exit 0 ;;
          esac
        done

        """;
}
