using System.Globalization;
using Decrim.Web.Api;
using Decrim.Web.Site;
using System.Threading.RateLimiting;
using Decrim.Storage;
using Decrim.Storage.Reports;
using Decrim.Storage.Reviewers;
using Decrim.Web.Background;
using Decrim.Web.Monitoring;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Decrim.Web;

/// <summary>
/// Builds the web application: server-rendered pages (Pages/), the JSON API under <c>/api/v1</c> (Api/), assets served
/// from inside the assembly (Site/Assets.cs), community monitoring (Monitoring/), and the database (Decrim.Storage:
/// SQLite or PostgreSQL) that holds everything instances must agree on: simulation jobs, reports, reviewer accounts and
/// the data-protection keys. Configuration (appsettings.json, environment <c>Decrim__*</c> or the command line, where
/// <c>--database</c> names the database) is bound to <see cref="DecrimOptions"/>.
/// </summary>
public sealed class WebApp
{
    private WebApp() { }

    public static WebApplication Build(string[] args)
    {
        // The application is this assembly whoever hosts it (a test, a benchmark), so its pages are always found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(WebApp).Assembly.GetName().Name });
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--database"] = "Decrim:Database" });
        // Privacy: whatever the configuration says, the server's connection and request logs stay quiet below
        // warnings, and no HTTP logging middleware is used: nothing writes a client's address or user agent.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpOverrides", LogLevel.Warning);
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
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SimulationJobs>();
        builder.Services.AddSingleton<ReportStore>();
        builder.Services.AddSingleton<ReportWriter>();
        builder.Services.AddSingleton<Organisations>();
        builder.Services.AddSingleton<KeyRing>();
        builder.Services.AddSingleton<Reporting>();
        builder.Services.AddSingleton<Reviewers>();
        builder.Services.AddSingleton<ClientTag>();
        builder.Services.AddHostedService<TextRetention>();
        builder.Services.AddDataProtection().SetApplicationName("decrim");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<KeyRing>((o, ring) => o.XmlRepository = new KeyRingXml(ring));
        builder.Services.AddAuthentication(Reviewers.Scheme).AddCookie(o =>
        {
            o.LoginPath = "/review/login";
            o.LogoutPath = "/review/logout";
            o.AccessDeniedPath = "/review/login";
            o.Cookie.Name = "decrim-review";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Api.ReportEndpoints.RateLimit, context =>
            {
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var limit = context.RequestServices.GetRequiredService<DecrimOptions>().ReportsPerHour;
                var tag = context.RequestServices.GetRequiredService<ClientTag>().Of(context.Connection.RemoteIpAddress);
                return RateLimitPartition.GetFixedWindowLimiter(tag, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromHours(1), QueueLimit = 0 });
            });
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "3600";
                return new ValueTask(Errors.TooMany(context.HttpContext));
            };
        });
        builder.Services.AddSingleton<SimulationQueue>();
        builder.Services.AddSingleton<SimulationLauncher>();
        builder.Services.AddScoped<RightsExplainer>();
        builder.Services.AddHostedService<SimulationWorker>();

        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Review");
            o.Conventions.AllowAnonymousToPage("/Review/Login");
            foreach (var page in new[] { "/Report", "/Receipt", "/Review/Login" })
                o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(Api.ReportEndpoints.RateLimit)));
        });
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
        if (options.TrustForwardedHeaders)
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, KnownIPNetworks = { }, KnownProxies = { } });
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
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi("/api/v1/openapi.json");
        app.MapGet("/assets/{name}", Assets.Serve).ExcludeFromDescription();
        app.MapGet("/health", () => Results.Text("ok")).ExcludeFromDescription();
        app.MapApi();
        app.MapRazorPages();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : "(see above)";
            app.Logger.LogInformation("Decrim is running at {Addresses} — open it in a browser. Catalogue: {Catalogue}; database: {Database}.",
                addresses, options.CatalogueFolder(), app.Services.GetRequiredService<Database>().Describe());
        });
        return app;
    }
}
