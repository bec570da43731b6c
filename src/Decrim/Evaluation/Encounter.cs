using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Evaluation;

/// <summary>One substance a person was found with, and how much.</summary>
public sealed record Item(Substance Substance, Quantity? Amount);

/// <summary>A person's dependence as far as the encounter tells: stated either way, or not known.</summary>
public enum Dependence { Unknown, Dependent, NotDependent }

/// <summary>
/// The question put to the engine: a person, found with these substances, doing this, here, on this date.
/// Anything not stated takes a documented default (an adult, no prior incidents, in a public place, a resident,
/// dependence unknown) and the pathway's trace says so.
/// </summary>
public sealed record Encounter
{
    public required DateOnly Date { get; init; }
    public required Conduct Conduct { get; init; }
    public IReadOnlyList<Item> Items { get; init; } = [];
    public Dependence Dependence { get; init; }
    public int? Age { get; init; }
    public int Prior { get; init; }
    public Place Place { get; init; } = Place.Public;
    public bool Resident { get; init; } = true;
    /// <summary>The person has shown that an amount above a rebuttable threshold is for their own use.</summary>
    public bool Rebutted { get; init; }
    public OutletType? Outlet { get; init; }
    /// <summary>For a purchase: everything bought at regulated outlets within <see cref="Window"/>, this purchase included.</summary>
    public Quantity? Bought { get; init; }
    public Period? Window { get; init; }

    /// <summary>The age used when none is given: any adult; rules that distinguish adults by age will be reported in the trace.</summary>
    public const int AssumedAdultAge = 30;
}

/// <summary>A question the engine cannot answer as asked: the message is one sentence for the person who asked.</summary>
public sealed class EvaluationException(string message) : Exception(message);
