using Decrim.Evaluation;
using Decrim.Monitoring;

namespace Decrim.Web.Monitoring;

/// <summary>Checks on a reviewer's follow-up, shared by the review page and the review API.</summary>
public static class Review
{
    public const int MaxNote = 4000;

    public static InputError? Problem(string? status, string? note) =>
        status is null || !ReportWords.Statuses.Contains(status) ? new("status", $"choose one of: {string.Join(", ", ReportWords.Statuses)}.")
        : note is { Length: > MaxNote } ? new("note", $"keep the note under {MaxNote} characters.")
        : null;
}
