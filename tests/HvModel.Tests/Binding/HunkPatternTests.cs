using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Tests.Binding;

/// <summary>How a hunk says a patch shows it (<c>adds</c>, <c>removes</c>) and the kernel code a model stands for (<c>models</c>).</summary>
public class HunkPatternTests
{
    private const string Base = """
        var masked: bool = true
        action unmask do if hunk unmask_always then masked := false end end

        """;

    [Fact]
    public void A_hunk_s_lines_name_their_function_and_take_its_file_from_models()
    {
        var model = Check.Load(Base + """
            hunk unmask_always "no early return"
              removes "return;" in hv_irq_unmask
              adds "pci_msi_unmask_irq(data);" in hv_irq_unmask
            models "drivers/pci/controller/pci-hyperv.c": hv_irq_mask, hv_irq_unmask
            models "kernel/irq/cpuhotplug.c": migrate_one_irq
            """);

        var patterns = model.Hunks.Single().Patterns;
        Assert.Equal([PatchChange.Removes, PatchChange.Adds], patterns.Select(p => p.Change));
        Assert.All(patterns, p => Assert.Equal(("drivers/pci/controller/pci-hyperv.c", "hv_irq_unmask"), (p.File, p.Function)));
        Assert.Equal("removes \"return;\" in hv_irq_unmask", patterns[0].ToString());
        Assert.Equal(["hv_irq_mask", "hv_irq_unmask"], model.ModelledCode[0].Functions.ToArray());
        Assert.Equal("kernel/irq/cpuhotplug.c", model.ModelledCode[1].File);
    }

    [Theory]
    [InlineData("hunk unmask_always\n  removes \"return;\" in hv_irq_unmask", ":4:24: error: hunk 'unmask_always' looks for a change in 'hv_irq_unmask', which no 'models' declaration lists: add it to the file it is in")]
    [InlineData("hunk unmask_always\nmodels \"a.c\": f\nmodels \"b.c\": g, f", ":5:18: error: function 'f' is already modelled in \"a.c\" (line 4)")]
    [InlineData("hunk unmask_always\n  adds \"\" in f\nmodels \"a.c\": f", ":4:8: error: 'adds' needs the text of a line, not an empty string")]
    [InlineData("hunk unmask_always\n  adds \"x\" f\nmodels \"a.c\": f", ":4:12: error: expected 'in'")]
    public void Lines_that_cannot_be_found_in_a_patch_are_errors(string declarations, string message)
    {
        var e = Assert.Throws<ModelError>(() => Check.Load(Base + declarations));

        Assert.EndsWith(message, e.Format().Split(" but found")[0]);
    }
}
