namespace HvModel.TestSupport.Fuzzing;

/// <summary>How a fuzz case ended. The first three are the expected classes; the rest are failures.</summary>
public enum FuzzOutcome
{
    /// <summary>A <c>file:line:col: error: ...</c> from the front end (the CLI exits 2).</summary>
    ModelError,

    /// <summary>A model error at run time, with its trace (the CLI exits 2).</summary>
    RuntimeFailure,

    /// <summary>The check ran to verdicts (holds, violated or unknown with a reason).</summary>
    Verdict,

    /// <summary>Any other exception: a crash, a stack trace for the user.</summary>
    Crash,

    /// <summary>Still running, or finished, past the wall-clock limit.</summary>
    Hang,

    /// <summary>A model error whose text is not of the form <c>file:line:col: error: message</c>.</summary>
    BadErrorFormat,
}
