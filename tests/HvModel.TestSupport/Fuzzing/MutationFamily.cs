namespace HvModel.TestSupport.Fuzzing;

/// <summary>
/// The kinds of damage done to a model text. The last four hit defects (three of issue 13) that other
/// work is fixing; a stack overflow kills the test host, so they run only in bench/fuzz.sh until
/// the fixes are merged (<see cref="MutationFamilies.Suite"/>; the lead re-enables them).
/// </summary>
public enum MutationFamily
{
    /// <summary>1 to 4 token deletions, duplications, swaps, replacements, insertions.</summary>
    TokenEdit,

    /// <summary>A number replaced by one past 32 bits (2^31, 2^63, 10^30, ...) or by 0, -1, 2^31-1.</summary>
    HugeNumber,

    /// <summary>An operator or statement chain of 50 to 400 links appended as a declaration.</summary>
    LongChain,

    /// <summary>Parentheses, conditionals, quantifiers, if/for/let/any statements nested 10 to 260 deep.</summary>
    DeepNesting,

    /// <summary>NUL characters at random places (outside include paths).</summary>
    Nul,

    /// <summary>Bytes that are not UTF-8, a UTF-16 file, a BOM in the middle.</summary>
    NonUtf8,

    /// <summary>One line of 100 KB to 1 MB: a name, a comment, a string, a number, blanks, declarations.</summary>
    LongLine,

    /// <summary>A 10 MB file: comments, blank lines, or many hunks or actions.</summary>
    HugeFile,

    /// <summary>The text cut at a random place.</summary>
    Truncate,

    /// <summary>A slice of another model file pasted at a random place.</summary>
    Splice,

    /// <summary>
    /// Known defect (issue 13, crash 1): a chain of 6,000 to 100,000 operands. Reproducer:
    /// <c>invariant big: x &lt; 2 and x &lt; 2 and ...</c> (6,000 operands) overflows the stack in
    /// Binder.BindExpr/BindBinary and kills the process.
    /// </summary>
    HugeChain,

    /// <summary>
    /// Known defect (issue 13, crash 2): a NUL in an include path. Reproducer:
    /// <c>include "\0"</c> throws ArgumentException from the source resolver.
    /// </summary>
    NulInInclude,

    /// <summary>
    /// Known defect (issue 13, crash 3 and hang 1): a huge domain. Reproducers:
    /// <c>var x: 0 .. 21474836</c> with no initialiser enumerates 21 M initial states past
    /// --max-states and --timeout; <c>type T = scalarset(1000000)</c> with
    /// <c>var a: array[T] of 0 .. 1</c> runs out of memory.
    /// </summary>
    HugeDomain,

    /// <summary>
    /// Found by bench/fuzz.sh, not fixed: 10 MB of <c>var fzN: bool = false</c> lines (about
    /// 400,000 variables) overflow the stack in StmtExecutor.Sequence/Exec (and ExprEvaluator.SlotOf
    /// from StmtExecutor.Assign) and kill the process (exit 134). Reproducer: fuzz cases 3096,
    /// 6460, 6759 (<c>campaign fuzzcase --seed 3096 --family HugeFileOfVariables</c>).
    /// </summary>
    HugeFileOfVariables,
}
