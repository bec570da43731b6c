using System.Net;
using System.Text;
using Dapper;
using Decrim.Storage;

namespace Decrim.Tests.Web;

/// <summary>
/// After a run of every kind of request — reports good and bad, look-ups, withdrawals, pages, figures, errors — with a
/// client address the server does see (it rate-limits on it) and a distinctive user agent, neither appears anywhere in
/// the database files or the server's log, even with the app's own logging turned up to Debug.
/// </summary>
public sealed class PrivacyTest : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "decrim-privacy-" + Guid.NewGuid().ToString("N"));
    private const string Address = "203.0.113.77";
    private const string Agent = "PrivacyProbe/9.9 (uniq-ua-7f3a)";

    public PrivacyTest() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    [Fact]
    public async Task AfterARun_NoAddressUserAgentOrExactTime_InDatabaseOrLogs()
    {
        var database = Path.Combine(_folder, "decrim.sqlite");
        var log = Path.Combine(_folder, "server.log");
        using var server = await ServerProcess.Start(database, log, "--Decrim:TrustForwardedHeaders", "true", "--Decrim:ReportsPerHour", "40",
            "--Logging:LogLevel:Default", "Debug");
        using var http = new HttpClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd(Agent);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", Address);

        async Task<HttpResponseMessage> Post(string path, string json, string? key = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, server.Url + path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (key is not null) request.Headers.Add("Idempotency-Key", key);
            return await http.SendAsync(request);
        }

        var week = Decrim.Monitoring.IsoWeek.Of(DateOnly.FromDateTime(DateTime.UtcNow)).ToString();
        var good = $$"""{"jurisdiction":"NO","date":"{{DateTime.UtcNow:yyyy-MM-dd}}","setting":"street","authority":"police","acts":[{"act":"searched-body"}],"text":"nothing identifying"}""";
        var stored = await Post("/api/v1/reports", good, "privacy-key-000000000001");
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var receipt = System.Text.Json.JsonDocument.Parse(await stored.Content.ReadAsStringAsync()).RootElement.GetProperty("receipt").GetString();
        Assert.Equal(HttpStatusCode.OK, (await Post("/api/v1/reports", good, "privacy-key-000000000001")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post("/api/v1/reports", """{"jurisdiction":"ZZ"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post("/api/v1/reports", "{not json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post("/api/v1/reports/receipt", $$"""{"receipt":"{{receipt}}"}""")).StatusCode);
        var second = await Post("/api/v1/reports", good.Replace("searched-body", "fine", StringComparison.Ordinal), "privacy-key-000000000002");
        var receipt2 = System.Text.Json.JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("receipt").GetString();
        Assert.Equal(HttpStatusCode.OK, (await Post("/api/v1/reports/withdraw", $$"""{"receipt":"{{receipt2}}"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(server.Url + "/report")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(server.Url + "/privacy")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(server.Url + "/api/v1/figures.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(server.Url + "/jurisdictions/NO")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.Url + "/nowhere")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(server.Url + "/api/v1/review/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(server.Url + "/report", new FormUrlEncodedContent([new("Jurisdiction", "NO")]))).StatusCode); // no anti-forgery token
        // The server did see the address: after the hour's allowance, it refuses that client.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++) statuses.Add((await Post("/api/v1/reports", """{"jurisdiction":"ZZ"}""")).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        server.Stop();

        var files = Directory.GetFiles(_folder).Where(f => f.Contains("decrim.sqlite", StringComparison.Ordinal) || f.EndsWith(".log", StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.EndsWith("decrim.sqlite", StringComparison.Ordinal));
        Assert.True(new FileInfo(log).Length > 0);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var secret in new[] { Address, Agent, "uniq-ua-7f3a", "PrivacyProbe", "X-Forwarded-For", "User-Agent" })
            {
                Assert.True(Find(bytes, Encoding.UTF8.GetBytes(secret)) < 0, $"\"{secret}\" found in {Path.GetFileName(file)}");
                Assert.True(Find(bytes, Encoding.Unicode.GetBytes(secret)) < 0, $"\"{secret}\" (UTF-16) found in {Path.GetFileName(file)}");
            }
        }
        Assert.DoesNotContain(receipt!, File.ReadAllText(log));

        // The report tables hold the week, never a date or a time.
        using var db = Database.Open(database);
        using var c = db.Connect();
        var rows = string.Join("\n", c.Query("SELECT * FROM reports").Select(r => string.Join("|", ((IDictionary<string, object>)r).Values)));
        Assert.Contains(week, rows);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", rows);
        Assert.DoesNotMatch(@"\d{2}:\d{2}", rows);
    }

    private static int Find(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
