using Decrim.Web;
using Microsoft.AspNetCore.Builder;

namespace Decrim.Tests.Web;

/// <summary>
/// The web application on a real Kestrel server on a free loopback port, for the browser: the bundled catalogue and
/// scenarios, and a SQLite file of its own.
/// </summary>
public sealed class LiveServer : IAsyncLifetime
{
    private WebApplication? _app;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "decrim-live-" + Guid.NewGuid().ToString("N"));

    public string Url { get; private set; } = "";

    /// <summary>The server's SQLite file, for tools that work on the same database (reviewer accounts).</summary>
    public string Database => Path.Combine(_folder, "decrim.sqlite");

    /// <summary>The running app's services, for checking what it stored.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = WebApp.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--Decrim:Catalogue", Path.Combine(Repo.Root, "policies"),
            "--Decrim:Scenarios", Path.Combine(Repo.Root, "scenarios"),
            "--Decrim:Database", Database,
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await _app.StartAsync();
        Url = _app.Urls.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(); // stopped first, so background services end as on a normal shutdown
            await _app.DisposeAsync();
        }
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
