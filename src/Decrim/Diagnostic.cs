namespace Decrim;

/// <summary>A place in a file: 1-based line and column, as editors count them.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>One problem found in a policy file, with where it is and, in one sentence, what was expected.</summary>
public sealed record Diagnostic(SourcePosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}
