using Decrim.Evaluation;

namespace Decrim.Web.Api;

/// <summary>The API's answers when a request cannot be met: RFC 9457 problem details, naming the field at fault.</summary>
public static class Problems
{
    public static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The request has invalid fields.", detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

    public static IResult Invalid(string field, string message) => Invalid(new() { [field] = [message] });

    public static IResult Invalid(IEnumerable<InputError> errors, string prefix = "") =>
        Invalid(errors.GroupBy(e => prefix + e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    public static IResult NotFound(string detail) => Results.Problem(statusCode: 404, title: "Not found", detail: detail);

    /// <summary>The date asked for, today when none is given, or an error naming the field.</summary>
    public static bool TryDate(string? text, string field, out DateOnly date, out IResult? problem)
    {
        problem = null;
        if (Site.Dates.TryParse(text, out date)) return true;
        problem = Invalid(field, $"\"{text}\" is not a date; write it as YYYY-MM-DD.");
        return false;
    }

    /// <summary>A true/false query parameter; absent means false.</summary>
    public static bool TryFlag(string? text, string field, out bool value, out IResult? problem)
    {
        problem = null;
        value = false;
        if (string.IsNullOrWhiteSpace(text) || bool.TryParse(text.Trim(), out value)) return true;
        problem = Invalid(field, $"\"{text}\" is not true or false.");
        return false;
    }

    public static IResult Json(string json, int status = 200) =>
        Results.Text(json, "application/json; charset=utf-8", statusCode: status);
}
