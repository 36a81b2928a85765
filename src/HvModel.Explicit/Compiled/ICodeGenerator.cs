using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Explicit.Compiled;

/// <summary>
/// A back end of the compiled successor function: expression trees
/// (<see cref="ExpressionCodeGenerator"/>) or C# generated per model and compiled with Roslyn
/// (<see cref="Generated.RoslynCodeGenerator"/>). Each must agree with the interpreter exactly;
/// the differential tests run every one.
/// </summary>
public interface ICodeGenerator
{
    /// <summary>The compiled form of <paramref name="semantics"/>'s model and variant, with <paramref name="properties"/>.</summary>
    CompiledCode Generate(Semantics semantics, IReadOnlyList<PropertyDef> properties);
}
