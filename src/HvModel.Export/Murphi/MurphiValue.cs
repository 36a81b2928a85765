using HvModel.Core.Ir;

namespace HvModel.Export.Murphi;

/// <summary>
/// A value as the Murphi text computes it. A value of a type Murphi holds whole (boolean, a
/// range, an enum, a plain scalarset) is one expression; a value of a split scalarset (one with
/// distinguished members and interchangeable ones, see <see cref="MurphiTypes"/>) is either
/// known when the text is written (a distinguished member, or a member of the rest named by a
/// loop or ruleset variable) or held at run time as a tag and a rest part.
/// </summary>
internal abstract record MurphiValue;

/// <summary>A value of a type Murphi holds whole, as one expression.</summary>
internal sealed record PlainValue(string Text) : MurphiValue;

/// <summary>A distinguished member of a split scalarset, known when the text is written.</summary>
internal sealed record MemberValue(ScalarsetType Type, int Ordinal) : MurphiValue;

/// <summary>An interchangeable member of a split scalarset: <see cref="Text"/> is an expression of the rest scalarset.</summary>
internal sealed record RestValue(ScalarsetType Type, string Text) : MurphiValue;

/// <summary>
/// A value of a split scalarset known at run time: <see cref="Which"/> is an expression of the
/// type's tag enum (a distinguished member's name, or the rest tag), <see cref="Rest"/> an
/// expression of the rest scalarset that is read only when the tag is the rest tag (null when
/// it never is), and <see cref="Record"/> the designator of the record that holds both, when
/// there is one (a whole record is copied with its undefined part).
/// </summary>
internal sealed record HeldValue(ScalarsetType Type, string Which, string? Rest, string? Record) : MurphiValue;
