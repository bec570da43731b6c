namespace Decrim.Policies;

/// <summary>A document a policy relies on. Facts cite it by <see cref="Id"/>, with a pinpoint of their own.</summary>
public sealed record Source(string Id, string Title, string? Url, DateOnly? Accessed, DateOnly? Date, string? Note, SourcePosition Position);

/// <summary>
/// Where a fact comes from: a source id and a pinpoint (article, section, paragraph, page). A fact no source
/// confirms is <see cref="Unverified"/> and says why in <see cref="Note"/>; it may still name the source that
/// suggested it.
/// </summary>
public readonly record struct Citation(string? SourceId, string? Pinpoint, bool Unverified, string? Note)
{
    public override string ToString()
    {
        var s = SourceId is null ? "no source" : Pinpoint is null ? SourceId : $"{SourceId}, {Pinpoint}";
        return Unverified ? $"{s} (unverified{(Note is null ? "" : ": " + Note)})" : s;
    }
}
