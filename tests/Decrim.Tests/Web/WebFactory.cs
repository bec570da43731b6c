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
        builder.UseEnvironment("Production");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }
}
