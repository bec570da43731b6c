using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.TestHost;
using Decrim.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Decrim.Tests.Web;

/// <summary>
/// The web application in memory (WebApplicationFactory), on the bundled catalogue and scenarios and its own SQLite
/// file in a temporary folder, so tests never share or leave a database.
/// </summary>
public sealed class WebFactory : WebApplicationFactory<WebApp>
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "decrim-web-" + Guid.NewGuid().ToString("N"));
    /// <summary>Settings on top of the defaults below (Decrim:ReportsPerHour …).</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);
    /// <summary>The app's clock, when a test needs to move time (publication of figures, retention).</summary>
    public TimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Folder);
        builder.UseSetting("Decrim:Catalogue", Path.Combine(Repo.Root, "policies"));
        builder.UseSetting("Decrim:Scenarios", Path.Combine(Repo.Root, "scenarios"));
        builder.UseSetting("Decrim:Database", Path.Combine(Folder, "decrim.sqlite"));
        builder.UseSetting("Decrim:MaxBatch", "50");
        builder.UseSetting("Decrim:MaxRequestBytes", "65536");
        builder.UseSetting("Decrim:MaxSimulationPopulation", "50000");
        builder.UseSetting("Decrim:MaxSimulationReplications", "10");
        builder.UseSetting("Decrim:ReportsPerHour", "1000000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Clock is { } clock) builder.ConfigureTestServices(s => s.AddSingleton(clock));
        builder.UseEnvironment("Production");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }
}
