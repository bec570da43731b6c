namespace Decrim.Substances;

/// <summary>A substance in the shared vocabulary (<c>substances.yaml</c>): its id, group and the units it may be measured in.</summary>
public sealed record Substance(string Id, string Name, string Group, IReadOnlyList<Unit> Units, Quantity Probe)
{
    public bool Accepts(Unit unit) => Units.Contains(unit);
    public override string ToString() => Id;
}
