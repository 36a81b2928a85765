namespace HvModel.Reports;

/// <summary>The forms a report takes; <see cref="ReportFormats"/> names them.</summary>
public enum ReportFormat
{
    /// <summary>For a terminal and for committed files: 80 columns.</summary>
    Text,

    /// <summary>One JSON document for scripts, in the frame of <see cref="JsonFrame"/>.</summary>
    Json,

    /// <summary>One self-contained page for design review.</summary>
    Html,

    /// <summary>Text of at most 72 columns to paste into a review reply, ending with the command that reproduces it.</summary>
    Email,

    /// <summary>Graphviz DOT, to draw a state graph (<c>dot -Tsvg</c>).</summary>
    Dot,

    /// <summary>GraphML, for graph tools (yEd, Gephi) and scripts: states with their values, edges with their actions.</summary>
    Graphml,
}
