using HvModel.Core.Ir;

namespace HvModel.Export.Aiger;

/// <summary>The comment section of an exported AIGER file: where it comes from and how to read a counterexample.</summary>
internal static class AigerComments
{
    public static List<string> Lines(Model model, Variant variant, PropertyDef? property, string commandLine, AigerLayout layout, int choices, bool fixedInit)
    {
        var what = property is null ? "deadlock freedom (some action instance is enabled)"
            : property.Kind == PropertyKind.Invariant ? $"invariant {property.Name}"
            : $"cover {property.Name} (bad means reached)";
        var lines = new List<string>
        {
            $"{model.Name}, variant {variant.Name}, {what}: exported by {commandLine}",
            $"constants: {model.ConstantAssignments}",
            "output 0 (bad): the property fails, or a model error is raised in the state (evaluating the property,",
            "  the step the inputs choose, or the init block); HvModel stops on a model error without a verdict",
            $"inputs: select.b* (the action instance taken, binary, least significant first; {layout.Instances.Length} instances,",
            $"  a value past the last takes none), then choice*.b* ({choices} 'any' value(s), in the order a body reaches them)",
            "latches: the state slots as values, least significant bit first (two's complement for negative ranges)",
            fixedInit
                ? "initial state: the init block's one outcome; a latch whose bit starts at 1 holds its negation"
                : "initial state: latch 'initialized' starts at 0; the first step runs the init block on the choice inputs",
            "a step whose instance is not enabled (guard false, or a choice that is no candidate) changes no latch",
        };
        for (var i = 0; i < layout.Instances.Length; i++)
        {
            lines.Add($"instance {i}: {layout.Instances[i]}");
        }

        return lines;
    }
}
