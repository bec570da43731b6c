using Decrim.Policies;

namespace Decrim.Assessment;

/// <summary>
/// One requirement of full decriminalisation, as a recommendation or platform states it, with the passages it
/// comes from and the test that judges it. Read from <c>criteria/*.yaml</c> by <see cref="CriteriaReader"/>.
/// </summary>
public sealed record Criterion(
    string Id,
    string Group,
    string Title,
    string Requires,
    IReadOnlyList<Passage> Cites,
    CriterionTest Test,
    SourcePosition Position);

/// <summary>A quoted passage of a bundled source: <see cref="Quote"/> is checked against the source's text when the criteria are read.</summary>
public sealed record Passage(string SourceId, string Pinpoint, string Quote);

/// <summary>A document criteria cite, bundled as text under <c>criteria/sources/</c> so every quote can be checked.</summary>
public sealed record CriteriaSource(string Id, string Title, string File, string? Url, DateOnly? Date);

/// <summary>Criteria that belong together and are counted together; a <see cref="Core"/> group decides whether a jurisdiction is fully decriminalised in law.</summary>
public sealed record CriterionGroup(string Id, string Title, bool Core, string Summary);

/// <summary>How a criterion is judged. Each kind reads the policy in one fixed way, described in docs/assessment.md.</summary>
public enum TestKind
{
    /// <summary>None of <see cref="CriterionTest.Responses"/> (or <see cref="CriterionTest.Police"/> powers) in any pathway of the standard encounters, including responses on non-payment or non-appearance.</summary>
    NoResponse,
    /// <summary>No standard encounter for <see cref="CriterionTest.Conducts"/> is a criminal offence or has a criminal consequence.</summary>
    NotCriminal,
    /// <summary>Crossing no quantity threshold turns possession for personal use into a crime, and small amounts are not a crime either.</summary>
    NoCriminalThreshold,
    /// <summary>No rebuttable threshold presumes supply and makes possession criminal unless the person proves personal use.</summary>
    NoDeemedSupply,
    /// <summary>Adults may lawfully possess every probed drug, from a regulated supply.</summary>
    LegalRegulation,
    /// <summary>A cited fact in the policy file: the measure <see cref="CriterionTest.Measure"/> is in place.</summary>
    Fact,
}

public sealed record CriterionTest(
    TestKind Kind,
    IReadOnlySet<ResponseKind> Responses,
    IReadOnlySet<Instruction> Police,
    IReadOnlySet<Conduct> Conducts,
    MeasureKind? Measure);

public static class TestKinds
{
    public static readonly IReadOnlyDictionary<string, TestKind> Words = new Dictionary<string, TestKind>
    {
        ["no-response"] = TestKind.NoResponse, ["not-criminal"] = TestKind.NotCriminal,
        ["no-criminal-threshold"] = TestKind.NoCriminalThreshold, ["no-deemed-supply"] = TestKind.NoDeemedSupply,
        ["legal-regulation"] = TestKind.LegalRegulation, ["fact"] = TestKind.Fact,
    };

    public static string Name(this TestKind kind) => Policies.Words.Name(Words, kind);

    /// <summary>True when the test reads the rules rather than a stated fact.</summary>
    public static bool IsComputed(this TestKind kind) => kind != TestKind.Fact;
}
