using System.Globalization;
using Decrim.Web.Api;
using Decrim.Web.Site;
using Decrim.Web.Storage;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Decrim.Web;

/// <summary>
/// Builds the web application: server-rendered pages (Pages/), the JSON API under <c>/api/v1</c> (Api/), assets served
/// from inside the assembly (Site/Assets.cs) and the simulation jobs kept in the database (Storage/). Configuration
/// (appsettings.json, environment <c>Decrim__*</c> or the command line) is bound to <see cref="DecrimOptions"/>.
/// </summary>
public sealed class WebApp
{
    private WebApp() { }

    public static WebApplication Build(string[] args)
    {
        // The application is this assembly whoever hosts it (a test, a benchmark), so its pages are always found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(WebApp).Assembly.GetName().Name });
        // Settings are read when the services are first built, so configuration added by a host (or a test) counts.
        builder.Services.AddSingleton(sp => DecrimOptions.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((k, config) =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = DecrimOptions.From(config).MaxRequestBytes;
        });
        builder.Services.AddOptions<Microsoft.AspNetCore.Http.Features.FormOptions>().Configure<DecrimOptions>((f, o) => f.MultipartBodyLengthLimit = o.MaxRequestBytes);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<DecrimOptions>() is var o ? new Bundle(o.CatalogueFolder(), o.ScenariosFolder()) : null!);
        builder.Services.AddSingleton(sp => Database.Open(sp.GetRequiredService<DecrimOptions>().Database));
        builder.Services.AddSingleton<SimulationJobs>();
        builder.Services.AddSingleton<SimulationQueue>();
        builder.Services.AddSingleton<SimulationLauncher>();
        builder.Services.AddScoped<RightsExplainer>();
        builder.Services.AddHostedService<SimulationWorker>();

        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddRazorPages();
        // Pages in Norwegian, Portuguese or Spanish keep their letters as letters, not numeric entities.
        builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Decrim API";
            doc.Info.Description = "Drug laws as code: jurisdictions and their dated policy versions, what happens to a person in an encounter (with the legal basis of every step), the model each law follows, how it measures against full decriminalisation, comparisons, the UNAIDS indicator and simulations of policies over years. Errors are RFC 9457 problem details naming the field at fault.";
            doc.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(j => j.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);

        var app = builder.Build();
        var options = app.Services.GetRequiredService<DecrimOptions>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = Errors.Unexpected, StatusCodeSelector = Errors.StatusOf });
        app.UseStatusCodePages(Errors.StatusPage);
        app.Use(SecurityHeaders.Apply);
        var cultures = options.Languages.Select(CultureInfo.GetCultureInfo).ToArray();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(cultures[0]),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ],
        });
        app.Use(Languages.RememberChoice);
        app.UseRouting();
        app.MapOpenApi("/api/v1/openapi.json");
        app.MapGet("/assets/{name}", Assets.Serve).ExcludeFromDescription();
        app.MapGet("/health", () => Results.Text("ok")).ExcludeFromDescription();
        app.MapApi();
        app.MapRazorPages();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : "(see above)";
            app.Logger.LogInformation("Decrim is running at {Addresses} — open it in a browser. Catalogue: {Catalogue}; database: {Database}.",
                addresses, options.CatalogueFolder(), options.DatabaseDescription());
        });
        return app;
    }
}
