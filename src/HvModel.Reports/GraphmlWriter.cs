using System.Globalization;
using System.Text;
using System.Xml;
using HvModel.Core.Ir;

namespace HvModel.Reports;

/// <summary>
/// Writes one GraphML document (graphml.graphdrawing.org): a description, keys declared before
/// any graph, as the format requires, and plain <c>attr.name</c>/<c>attr.type</c> data, which
/// yEd and Gephi both read. Shared by the state graph and the counterexamples, so that a state's
/// variables are the same keys in both: one key per slot (a scalar variable, or one element of
/// an array, named <c>pc[Cpu0]</c>), typed <c>boolean</c>, <c>int</c> for a range, <c>string</c>
/// for an enum or a scalarset, so that a tool can filter on a value.
/// </summary>
internal sealed class GraphmlWriter : IDisposable
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private readonly MemoryStream stream = new();
    private readonly XmlWriter xml;

    public GraphmlWriter(string description)
    {
        xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, Xsi);
        xml.WriteAttributeString("xsi", "schemaLocation", Xsi, $"{Namespace} {Namespace}/1.0/graphml.xsd");
        xml.WriteElementString("desc", Namespace, description);
    }

    /// <summary>Declares a key: <paramref name="domain"/> is graph, node or edge; <paramref name="type"/> a GraphML type.</summary>
    public void Key(string id, string domain, string name, string type)
    {
        xml.WriteStartElement("key", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", domain);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    /// <summary>A node key per slot of the model (ids <c>v0</c>, <c>v1</c>, ... by slot index).</summary>
    public void SlotKeys(Model model)
    {
        foreach (var slot in model.Slots)
        {
            Key($"v{slot.Index}", "node", slot.Name, slot.Type switch
            {
                BoolType => "boolean",
                RangeType => "int",
                _ => "string",
            });
        }
    }

    /// <summary>The keys of an edge's action: its label (the calls), the action, its arguments, the kernel functions it models.</summary>
    public void ActionKeys()
    {
        Key("e_label", "edge", "label", "string");
        Key("action", "edge", "action", "string");
        Key("arguments", "edge", "arguments", "string");
        Key("calls", "edge", "calls", "string");
    }

    public void StartGraph(string id)
    {
        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("edgedefault", "directed");
    }

    public void StartNode(string id)
    {
        xml.WriteStartElement("node", Namespace);
        xml.WriteAttributeString("id", id);
    }

    public void StartEdge(string id, string source, string target)
    {
        xml.WriteStartElement("edge", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("source", source);
        xml.WriteAttributeString("target", target);
    }

    /// <summary>Ends the graph, node or edge last started.</summary>
    public void End() => xml.WriteEndElement();

    public void Data(string key, string value)
    {
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    public void Data(string key, long value) => Data(key, value.ToString(CultureInfo.InvariantCulture));

    public void Data(string key, bool value) => Data(key, value ? "true" : "false");

    /// <summary>A state's value for every slot, as <see cref="SlotKeys"/> typed them.</summary>
    public void SlotData(Model model, IReadOnlyList<int> values)
    {
        foreach (var slot in model.Slots)
        {
            var v = values[slot.Index];
            Data($"v{slot.Index}", slot.Type switch
            {
                BoolType => v != 0 ? "true" : "false",
                RangeType => v.ToString(CultureInfo.InvariantCulture),
                _ => slot.Type.Format(v),
            });
        }
    }

    /// <summary>The data of an edge made by these instances of one action (most edges have one).</summary>
    public void ActionData(IReadOnlyList<ActionInstance> instances)
    {
        var action = instances[0].Action;
        Data("e_label", string.Join("; ", instances.Select(i => StateFormatter.ActionCall(action, i.Args))));
        Data("action", action.Name);
        if (!action.Parameters.IsEmpty)
        {
            Data("arguments", string.Join("; ", instances.Select(i => string.Join(", ", action.Parameters.Select((p, k) => $"{p.Name}={p.Domain.Format(i.Args[k])}")))));
        }

        if (action.Calls is { } calls)
        {
            Data("calls", calls);
        }
    }

    /// <summary>The document, once every graph has ended.</summary>
    public string Finish()
    {
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public void Dispose()
    {
        xml.Dispose();
        stream.Dispose();
    }
}
