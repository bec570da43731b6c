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
        _ => StatusCodes.Status500InternalServerError,
    };

    public static async Task Unexpected(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = error is null ? 500 : StatusOf(error);
        var reference = context.TraceIdentifier;
        if (status >= 500)
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Decrim.Web").LogError(error, "Unexpected error, reference {Reference}", reference);
        var (title, detail) = status switch
        {
            413 => ("Request too large", "The request body is larger than this server accepts."),
            >= 500 => ("Unexpected error", $"Something went wrong on the server; nothing you sent was stored. Reference: {reference}."),
            _ => ("Bad request", error?.Message ?? "The request could not be read."),
        };
        context.Response.StatusCode = status;
        await Write(context, status, title, detail);
    }

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
