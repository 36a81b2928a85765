namespace HvModel.TestSupport.Peers;

/// <summary>pan met a model error (an assert the export writes for a value out of range): no verdict to compare.</summary>
public sealed class SpinModelError(string message) : Exception(message);
