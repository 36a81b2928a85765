namespace HvModel.Symbolic.Translation;

/// <summary>One state slot that an assignment target or array read may denote, and when it does.</summary>
public readonly record struct Location(string Guard, int Slot);
