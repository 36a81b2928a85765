using System.Text.Json;
using HvModel.Core.Traces;

namespace HvModel.Tests.Counterexamples;

/// <summary>The constants of a JSON document come back as the overrides a model is bound with.</summary>
public class ConstantsJsonReaderTests
{
    [Fact]
    public void Numbers_booleans_and_names_come_back_as_const_text()
    {
        using var doc = JsonDocument.Parse("""{"CPUS": 3, "MANAGED": true, "DRIVER": "keep"}""");

        var constants = ConstantsJsonReader.Read(doc.RootElement);

        Assert.Equal(new Dictionary<string, string> { ["CPUS"] = "3", ["MANAGED"] = "true", ["DRIVER"] = "keep" }, constants);
        var model = Check.LoadFile("properties/hv-pci-msi.hvp", constants);
        Assert.Equal("3", model.Constants.Single(c => c.Name == "CPUS").Display);
        Assert.Equal("true", model.Constants.Single(c => c.Name == "MANAGED").Display);
    }

    [Fact]
    public void A_value_that_is_no_constant_is_refused_by_name()
    {
        using var doc = JsonDocument.Parse("""{"CPUS": [2]}""");

        Assert.Contains("'CPUS'", Assert.Throws<JsonException>(() => ConstantsJsonReader.Read(doc.RootElement)).Message, StringComparison.Ordinal);
    }
}
