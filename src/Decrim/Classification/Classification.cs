using Decrim.Evaluation;
using Decrim.Policies;

namespace Decrim.Classification;

/// <summary>The model found for one substance group and one population, with the pathway it was read from.</summary>
public sealed record Cell(string Group, string Population, Model Model, bool DeJure, IReadOnlyList<string> Reasons, Pathway Pathway);

/// <summary>
/// A jurisdiction's model at a date: a headline (the reform model that applies, and to whom) and the full matrix
/// of substance groups × populations it was derived from.
/// </summary>
public sealed record Classification(Policy Policy, PolicyVersion Version, DateOnly Date, Model Headline, bool DeJure, string Scope, IReadOnlyList<Cell> Cells)
{
    public bool Uniform => Cells.All(c => c.Model == Headline);
}
