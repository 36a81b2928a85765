using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Core.Traces;

namespace HvModel.Reports;

/// <summary>
/// One error as a report gives it: its class (<c>usage</c>, <c>model</c>, <c>runtime</c>,
/// <c>output</c>, <c>solver</c>, <c>internal</c>), the message, and where known the source
/// location, and for a model error at run time the variant, the failing step and the trace that
/// reaches it.
/// </summary>
public sealed record ReportError(string Kind, string Message)
{
    public SourceSpan? Span { get; init; }

    public string? Variant { get; init; }

    /// <summary>The failing action call, e.g. <c>up(c=1)</c>; null when a property or the initial states fail.</summary>
    public string? Step { get; init; }

    public Trace? Trace { get; init; }
}
