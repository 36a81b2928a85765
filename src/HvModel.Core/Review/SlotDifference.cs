namespace HvModel.Core.Review;

/// <summary>A state slot (e.g. <c>desc_masked[Irq0]</c>) with its value after a step in each variant.</summary>
public sealed record SlotDifference(string Slot, string InA, string InB);
