using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Explicit.Compiled;

/// <summary>
/// The run-time checks compiled code calls: the same conditions under which the interpreter
/// raises a model error (a value outside its type, an index out of bounds, 32-bit overflow).
/// Small enough for the JIT to inline into the compiled transitions; the throw stays out of line.
/// </summary>
public static class CompiledChecks
{
    /// <summary>The ordinal of <paramref name="value"/> in a type whose values are lo .. lo+count-1; a model error otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Ordinal(int value, int lo, int count)
    {
        var ordinal = value - lo;
        if ((uint)ordinal >= (uint)count)
        {
            Fail();
        }

        return ordinal;
    }

    /// <summary><paramref name="value"/> itself when it is one of lo .. lo+count-1; a model error otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int InRange(int value, int lo, int count)
    {
        if ((uint)(value - lo) >= (uint)count)
        {
            Fail();
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Add(int l, int r) => Narrow((long)l + r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Subtract(int l, int r) => Narrow((long)l - r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Multiply(int l, int r) => Narrow((long)l * r);

    /// <summary>'/', '%' and the bit operators, with the interpreter's own definition (IntegerOps): a model error where it reports one.</summary>
    public static int Apply(int op, int l, int r)
    {
        if (IntegerOps.Apply((BinaryOp)op, l, r, out var result) is not null)
        {
            Fail();
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Negate(int v)
    {
        if (v == int.MinValue)
        {
            Fail();
        }

        return -v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Narrow(long value)
    {
        if (value is < int.MinValue or > int.MaxValue)
        {
            Fail();
        }

        return (int)value;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Fail() => throw new CompiledModelError();

    /// <summary>A model error where an int is expected (an index known to be out of range when compiling).</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int FailInt() => throw new CompiledModelError();
}
