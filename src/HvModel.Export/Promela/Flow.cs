namespace HvModel.Export.Promela;

/// <summary>Whether the statements written so far may go on, or certainly reach the abort path (no successor).</summary>
internal enum Flow
{
    Continues,
    Aborts,
}
