using System.Diagnostics;

namespace HvModel.TestSupport;

/// <summary>
/// Writes a shell script the tests then execute (a fake solver). Tests run in parallel, and a
/// file this process opened for writing stays open, for a moment, in every child another test
/// forks meanwhile (until that child's exec closes it): executing the script then fails with
/// "Text file busy". So this process writes the text to a side file and `install` copies it into
/// place: no descriptor of ours ever refers to the executable.
/// </summary>
public static class ExecutableScript
{
    public static string Write(string path, string body)
    {
        var source = path + ".txt";
        File.WriteAllText(source, "#!/bin/sh\n" + body);
        using var install = Process.Start(new ProcessStartInfo("install", ["-m", "700", source, path]) { RedirectStandardError = true })!;
        var error = install.StandardError.ReadToEnd();
        install.WaitForExit();
        if (install.ExitCode != 0)
        {
            throw new IOException($"install {path}: {error}");
        }

        return path;
    }
}
