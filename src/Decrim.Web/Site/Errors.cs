using Microsoft.AspNetCore.Diagnostics;

namespace Decrim.Web.Site;

/// <summary>
/// Errors as RFC 9457 problem details for the API and as a plain page for people: never a stack trace. A request too
/// large is 413, a malformed request 400; anything unexpected is 500 with a reference the server log also carries.
/// </summary>
public static class Errors
{
    public static int StatusOf(Exception e) => e switch
    {
        BadHttpRequestException b => b.StatusCode,
        _ when Decrim.Storage.Database.IsUnavailable(e) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static async Task Unexpected(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = error is null ? 500 : StatusOf(error);
        var reference = context.TraceIdentifier;
        var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Decrim.Web");
        if (status == 503)
        {
            log.LogWarning("The database cannot be reached: {Error} (reference {Reference})", error?.Message, reference);
            context.Response.Headers.RetryAfter = "30";
        }
        else if (status >= 500) log.LogError(error, "Unexpected error, reference {Reference}", reference);
        var (title, detail) = status switch
        {
            413 => ("Request too large", "The request body is larger than this server accepts."),
            503 => ("Service unavailable", "The database cannot be reached just now, so nothing you sent was stored. Please try again in a minute; a report sent again with the same key is stored once."),
            >= 500 => ("Unexpected error", $"Something went wrong on the server; nothing you sent was stored. Reference: {reference}."),
            _ => ("Bad request", error?.Message ?? "The request could not be read."),
        };
        context.Response.StatusCode = status;
        await Write(context, status, title, detail);
    }

    public static Task TooMany(HttpContext context) => Write(context, 429, "Too many requests",
        "This address has sent many reports or look-ups in the last hour; please try again later. (Addresses are not stored: the limit counts a hash that changes every day.)");

    public static async Task StatusPage(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var code = context.Response.StatusCode;
        var (title, detail) = code switch
        {
            404 => ("Not found", "There is nothing at this address."),
            405 => ("Method not allowed", $"{context.Request.Method} is not accepted here."),
            413 => ("Request too large", "The request body is larger than this server accepts."),
            415 => ("Unsupported media type", "Send JSON with Content-Type: application/json."),
            _ => ("Error", $"The request failed with status {code}."),
        };
        await Write(context, code, title, detail);
    }

    private static Task Write(HttpContext context, int status, string title, string detail)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = status, Title = title, Detail = detail },
            }).AsTask();
        context.Response.ContentType = "text/html; charset=utf-8";
        static string h(string s) => System.Net.WebUtility.HtmlEncode(s);
        return context.Response.WriteAsync($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{h(title)} — Decrim</title>" +
            $"<link rel=\"stylesheet\" href=\"{Assets.Url("site.css")}\"></head><body><main id=\"main\"><h1>{h(title)}</h1><p>{h(detail)}</p><p><a href=\"/\">Decrim home</a></p></main></body></html>");
    }
}
