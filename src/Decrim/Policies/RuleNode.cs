namespace Decrim.Policies;

/// <summary>
/// A rule written the way statutes are (Catala's default logic): a base rule for some conducts, and exceptions
/// that override it when their condition holds, with exceptions of exceptions below them. Among sibling
/// exceptions the first that applies wins; the validator rejects an exception that an earlier sibling always
/// shadows or whose condition contradicts its parents'.
/// </summary>
public sealed class RuleNode
{
    public required string Id { get; init; }
    /// <summary>The conducts this node covers (the base rule's list; an exception may narrow it).</summary>
    public required IReadOnlySet<Conduct> Conducts { get; init; }
    public required Condition When { get; init; }
    /// <summary>The condition of this node together with all its ancestors'.</summary>
    public required Condition Path { get; init; }
    public required Offence Offence { get; init; }
    public required Basis Basis { get; init; }
    public required IReadOnlyList<Response> Then { get; init; }
    public IReadOnlyList<RuleNode> Exceptions { get; internal set; } = [];
    public required Citation Citation { get; init; }
    public string? Note { get; init; }
    public required SourcePosition Position { get; init; }
    public required int Depth { get; init; }

    public IEnumerable<RuleNode> SelfAndDescendants() => Exceptions.SelectMany(e => e.SelfAndDescendants()).Prepend(this);
}
