namespace HvModel.Core.Patches;

/// <summary>One mail of the input: its lines [Start, End) and its cleaned subject.</summary>
internal sealed record MailMessage(int Start, int End, string Subject);
