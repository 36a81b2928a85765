namespace HvModel.Symbolic.Translation;

/// <summary>The init block, executed symbolically from the zero state.</summary>
/// <param name="Fragment">Its choices (<c>any</c>, <c>in {..}</c>) and their constraints.</param>
/// <param name="State">The term of every slot after the block: an initial state.</param>
/// <param name="Error">When running the block raises a model error.</param>
public sealed record InitEncoding(SmtFragment Fragment, IReadOnlyList<string> State, string Error);
