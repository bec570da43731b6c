using System.Text.Json;
using System.Text.Json.Serialization;

namespace Decrim.Web.Api;

/// <summary>
/// Reads a JSON request body into a request type, strictly: unknown fields, wrong types and malformed JSON are errors
/// that name the field (<c>items[0].amount</c>) and where in the body it is, never an exception.
/// </summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Options = RequestJson.Default.Options;

    public static async Task<(T? Value, Dictionary<string, string[]>? Errors)> Read<T>(HttpRequest request) where T : class
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<DecrimOptions>().MaxRequestBytes;
        if (request.ContentLength > limit)
            throw new BadHttpRequestException($"The request body is larger than {limit:N0} bytes.", StatusCodes.Status413PayloadTooLarge);
        if (!request.HasJsonContentType())
            return (null, new() { ["body"] = ["send the request as JSON, with Content-Type: application/json."] });
        try
        {
            var value = (T?)await JsonSerializer.DeserializeAsync(request.Body, typeof(T), RequestJson.Default, request.HttpContext.RequestAborted);
            return value is null ? (null, new() { ["body"] = ["the body is empty or null; send a JSON object."] }) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, new() { [Field(e.Path)] = [Describe(e)] });
        }
    }

    /// <summary>"$.items[0].amount" → "items[0].amount"; the root is "body".</summary>
    public static string Field(string? path) =>
        path is null or "$" or "" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        var message = e.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal)) return "is not a field of this request" + where + ".";
        if (message.Contains("could not be converted", StringComparison.Ordinal))
            return (message.Contains("Int32", StringComparison.Ordinal) ? "must be a whole number"
                : message.Contains("Boolean", StringComparison.Ordinal) ? "must be true or false"
                : message.Contains("IReadOnlyList", StringComparison.Ordinal) ? "must be an array"
                : message.Contains("String", StringComparison.Ordinal) ? "must be text"
                : "has the wrong type") + where + ".";
        return "is not valid JSON" + where + ".";
    }
}

/// <summary>The request types' JSON contracts, generated at compile time: strict (unknown fields and loose numbers refused), camelCase.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict, AllowTrailingCommas = false, ReadCommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16)]
[JsonSerializable(typeof(EvaluateRequest))]
[JsonSerializable(typeof(BatchRequest))]
[JsonSerializable(typeof(SimulationRequest))]
[JsonSerializable(typeof(Decrim.Monitoring.ReportInput))]
[JsonSerializable(typeof(ReceiptRequest))]
[JsonSerializable(typeof(StatusRequest))]
internal sealed partial class RequestJson : JsonSerializerContext;
