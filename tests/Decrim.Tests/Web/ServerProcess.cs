using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Decrim.Tests.Web;

/// <summary>
/// The web app as a real, separate process (<c>dotnet Decrim.Web.dll</c>) on a free loopback port, its output appended
/// to a log file: so a test can kill it with SIGKILL mid-request, run two of them on one database, and read its logs.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    public string Url { get; }
    public string Log { get; }

    private ServerProcess(Process process, string url, string log)
    {
        _process = process;
        Url = url;
        Log = log;
    }

    public static async Task<ServerProcess> Start(string database, string log, params string[] settings)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(log)!,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Decrim.Web.dll"), "--urls", url, "--database", database,
                     "--Decrim:Catalogue", Path.Combine(Repo.Root, "policies"), "--Decrim:Scenarios", Path.Combine(Repo.Root, "scenarios") }.Concat(settings))
            start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        var gate = new object();
        // Appended line by line (open, write, close): the file is whole whatever happens to the process.
        void Write(string? line) { if (line is not null) lock (gate) File.AppendAllText(log, line + "\n"); }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(90); await Task.Delay(100))
        {
            if (process.HasExited) throw new InvalidOperationException($"the server exited with {process.ExitCode}; log: {File.ReadAllText(log)}");
            try { if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode) return new ServerProcess(process, url, log); }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
        process.Kill(true);
        throw new TimeoutException("the server did not answer /health within 90 s");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>A normal shutdown (SIGTERM), waiting for it to finish.</summary>
    public void Stop()
    {
        if (_process.HasExited) return;
        Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        if (!_process.WaitForExit(30_000)) _process.Kill(true);
        _process.WaitForExit();
    }

    public void Dispose() => Kill();

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
