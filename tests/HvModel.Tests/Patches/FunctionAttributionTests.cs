using HvModel.Core.Patches;

namespace HvModel.Tests.Patches;

/// <summary>Which C function a line is in, told from shapes because mail loses indentation.</summary>
public class FunctionAttributionTests
{
    [Theory]
    [InlineData("static void hv_irq_unmask(struct irq_data *data)", "hv_irq_unmask")]
    [InlineData("static int hv_pci_restore_msi_msg(struct pci_dev *pdev, void *arg)", "hv_pci_restore_msi_msg")]
    [InlineData("struct irq_domain *hv_create_domain(int node) {", "hv_create_domain")]
    [InlineData("static int __init init_hv_pci_drv(void)", "init_hv_pci_drv")]
    [InlineData("for_each_pci_msi_entry(entry, pdev) {", null)]
    [InlineData("hv_pci_restore_msi_state(hbus);", null)]
    [InlineData("if (WARN_ON_ONCE(!irq_data))", null)]
    [InlineData("} else if (res) {", null)]
    [InlineData("return hv_do_hypercall(HVCALL_RETARGET_INTERRUPT, params,", null)]
    [InlineData("irq_data = irq_get_irq_data(entry->irq);", null)]
    [InlineData("unsigned long flags = hv_lock(hbus)", null)]
    [InlineData("static int hv_pci_suspend(struct hv_device *hdev);", null)]
    [InlineData("#define hv_msi_prepare(a) pci_msi_prepare(a)", null)]
    [InlineData("\"%s() failed: %#llx\", __func__, res);", null)]
    public void A_definition_is_type_words_then_a_name_then_a_parenthesis(string line, string? name)
    {
        Assert.Equal(name, FunctionAttribution.DefinedName(line));
    }

    [Theory]
    [InlineData(" static void hv_irq_unmask(struct irq_data *data)", "hv_irq_unmask")]
    [InlineData(" static int hv_pci_suspend (struct hv_device *hdev)", "hv_pci_suspend")]
    [InlineData(" struct hv_pcibus_device {", null)]
    [InlineData("", null)]
    [InlineData(" if (res)", null)]
    public void The_header_names_the_identifier_before_its_first_parenthesis(string tail, string? name)
    {
        Assert.Equal(name, FunctionAttribution.HeaderFunction(tail));
    }

    [Fact]
    public void Comment_prose_shaped_like_a_definition_names_no_function()
    {
        string[] lines = ["/* Upon resume, see", "refer to cpu_disable_common() -> fixup_irqs() ->", "* irq_migrate_all_off_this_cpu() -> x", "*/", "static int g(void)", "{"];

        Assert.Equal(["f", "f", "f", "f", "g", "g"], FunctionAttribution.Attribute(lines, "f").Select(f => f ?? "(none)"));
    }
}
