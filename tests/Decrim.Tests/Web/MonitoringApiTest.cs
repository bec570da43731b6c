using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Decrim.Monitoring;
using Decrim.Storage;
using Decrim.Web.Monitoring;

namespace Decrim.Tests.Web;

/// <summary>A clock a test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Community monitoring through the API and the form, in memory: submission, receipts, figures, reviewers.</summary>
public sealed class MonitoringApiTest : IDisposable
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
    private readonly WebFactory _factory;
    private readonly HttpClient _client;

    public MonitoringApiTest()
    {
        _factory = new WebFactory { Clock = _clock };
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static string Body(string jurisdiction = "NO", string week = "2026-W45", string acts = """[{"act":"stopped"},{"act":"searched-body"}]""", string extra = "") =>
        $$"""{"jurisdiction":"{{jurisdiction}}","week":"{{week}}","setting":"street","authority":"police","acts":{{acts}},"carried":[{"substance":"heroin","amount":"2g"}],"dependence":"dependent"{{extra}}}""";

    private async Task<(HttpStatusCode Status, JsonElement Json)> Post(string path, string json, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string Key(int i) => $"test-key-{i:D12}";

    [Fact]
    public async Task Submit_StoresOnce_AnswersWithReceiptAndFindings()
    {
        var (status, json) = await Post("/api/v1/reports", Body(), Key(1));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("stored", json.GetProperty("status").GetString());
        var receipt = json.GetProperty("receipt").GetString()!;
        var acts = json.GetProperty("report").GetProperty("acts").EnumerateArray().ToList();
        Assert.All(acts, a => Assert.Equal("beyond-the-law", a.GetProperty("finding").GetString()));
        Assert.All(acts, a => Assert.False(string.IsNullOrEmpty(a.GetProperty("basis").GetString())));

        var (again, replay) = await Post("/api/v1/reports", Body().Replace(",", " ,", StringComparison.Ordinal), Key(1));
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(receipt, replay.GetProperty("receipt").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Post("/api/v1/reports", Body(week: "2026-W44"), Key(1))).Status);
        Assert.Equal(1, ReportCount());
    }

    [Theory]
    [InlineData("""{"jurisdiction":"NO"}""", "week")]
    [InlineData("""{"jurisdiction":"NO","week":"2026-W45","setting":"street","authority":"police","acts":[{"act":"fine","amount":"a lot"}]}""", "acts[0].amount")]
    [InlineData("""{"jurisdiction":"NO","week":"2026-W45","setting":"street","authority":"police","acts":[{"act":"stopped"}],"name":"Kari"}""", "name")]
    [InlineData("""{"jurisdiction":"NO","week":"2026-W45","setting":"street","authority":"police","acts":[{"act":"stopped","hours":"six"}]}""", "acts[0].hours")]
    [InlineData("""{"jurisdiction":"NO","date":"2026-11-30","setting":"street","authority":"police","acts":[{"act":"stopped"}]}""", "week")]
    [InlineData("[1,2", "body")]
    public async Task Submit_Invalid_NamesTheField_StoresNothing(string json, string field)
    {
        var (status, problem) = await Post("/api/v1/reports", json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, ReportCount());
    }

    [Fact]
    public async Task Submit_BadIdempotencyKey_IsRefused() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await Post("/api/v1/reports", Body(), "short")).Status);

    [Fact]
    public async Task Receipt_ViewsThenWithdraws_ThenTheKeyAnswersGone()
    {
        var (_, json) = await Post("/api/v1/reports", Body(extra: ""","text":"my words" """), Key(2));
        var receipt = json.GetProperty("receipt").GetString();
        var (viewed, report) = await Post("/api/v1/reports/receipt", $$"""{"receipt":"{{receipt}}"}""");
        Assert.Equal(HttpStatusCode.OK, viewed);
        Assert.Equal("my words", report.GetProperty("text").GetString());
        Assert.False(report.TryGetProperty("id", out _)); // the reviewers' reference is not the reporter's business
        Assert.Equal(HttpStatusCode.OK, (await Post("/api/v1/reports/withdraw", $$"""{"receipt":"{{receipt}}"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Post("/api/v1/reports/receipt", $$"""{"receipt":"{{receipt}}"}""")).Status);
        Assert.Equal(HttpStatusCode.Gone, (await Post("/api/v1/reports", Body(extra: ""","text":"my words" """), Key(2))).Status);
        Assert.Equal(0, ReportCount());
    }

    [Fact]
    public async Task Figures_PublishedAfterTheQuarter_Suppressed_SameHoweverAsked_AndFrozen()
    {
        // 2026-Q4: 9 reports; 7 searched; 2 fined (small: hidden).
        for (var i = 0; i < 9; i++)
            await Post("/api/v1/reports", Body(acts: i < 2 ? """[{"act":"stopped"},{"act":"fine","amount":"1000 NOK"}]""" : i < 9 ? """[{"act":"stopped"},{"act":"searched-body"}]""" : ""), Key(100 + i));
        Assert.Empty((await Figures("/api/v1/figures")).EnumerateArray()); // the quarter is not over

        _clock.Now = new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero); // Q4 2026 + 30 days has passed
        var all = await Figures("/api/v1/figures");
        var table = Assert.Single(all.EnumerateArray());
        Assert.Equal(9, table.GetProperty("reports").GetInt32());
        JsonElement Cell(JsonElement t, string key) => t.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("cell").GetString() == key);
        Assert.Equal(9, Cell(table, "stopped").GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, Cell(table, "fine").GetProperty("count").ValueKind);
        Assert.Equal(JsonValueKind.Null, Cell(table, "searched-body").GetProperty("count").ValueKind); // 9 − 7 = 2 without: hidden

        // Overlapping queries give the same cells.
        Assert.Equal(all.ToString(), (await Figures("/api/v1/figures?jurisdiction=NO")).ToString());
        Assert.Equal(all.ToString(), (await Figures("/api/v1/figures?jurisdiction=no&quarter=2026-Q4")).ToString());
        var csv = await _client.GetStringAsync("/api/v1/figures.csv");
        Assert.Contains("NO,2026-Q4,9,stopped,stopped,,9,1\n", csv);
        Assert.Contains("NO,2026-Q4,9,fine,fine,,,\n", csv);

        // The attack on what the API published finds nothing.
        var cells = table.GetProperty("cells").EnumerateArray().Select(c => new Cell(c.GetProperty("cell").GetString()!,
            c.GetProperty("act").GetString() is { } a ? ReportWords.Acts[a] : null, c.GetProperty("finding").GetString() is { } f ? ReportWords.Findings[f] : null,
            c.GetProperty("count").ValueKind == JsonValueKind.Null ? null : c.GetProperty("count").GetInt32(), null)).ToList();
        var truth = _factory.Services.GetRequiredService<Decrim.Storage.Reports.ReportStore>().Counts("NO").ToDictionary(r => r.cell, r => r.n);
        Monitoring.FiguresTest.Attack(new QuarterFigures("NO", new Quarter(2026, 4), 9, cells), truth, 5);

        // Published figures never change: a late report and a withdrawal leave them as they were.
        var (_, late) = await Post("/api/v1/reports", Body(), Key(200));
        var (_, first) = await Post("/api/v1/reports", Body(acts: """[{"act":"stopped"},{"act":"fine","amount":"1000 NOK"}]"""), Key(100));
        await Post("/api/v1/reports/withdraw", $$"""{"receipt":"{{first.GetProperty("receipt").GetString()}}"}""");
        Assert.Equal(all.ToString(), (await Figures("/api/v1/figures")).ToString());
        Assert.Equal(9, ReportCount()); // 9 + 1 late − 1 withdrawn
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/v1/figures?quarter=2026-Q5")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/v1/figures?jurisdiction=ZZ")).StatusCode);
    }

    private async Task<JsonElement> Figures(string path) =>
        JsonDocument.Parse(await _client.GetStringAsync(path)).RootElement.GetProperty("quarters").Clone();

    [Fact]
    public async Task Review_WithAnApiKey_SeesItsJurisdictionsOnly()
    {
        var (_, no) = await Post("/api/v1/reports", Body(), Key(3));
        await Post("/api/v1/reports", Body(jurisdiction: "PT").Replace("heroin\",\"amount\":\"2g", "cocaine\",\"amount\":\"1g", StringComparison.Ordinal), Key(4));
        var output = new StringWriter();
        Assert.Equal(0, ReviewerAdmin.Run(["add", "--login", "fhn", "--name", "FHN", "--jurisdictions", "NO", "--database", Path.Combine(_factory.Folder, "decrim.sqlite")], output, TextWriter.Null));
        var key = output.ToString().Split('\n').Single(l => l.Contains("API key:", StringComparison.Ordinal)).Split(':')[1].Trim();

        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("/api/v1/review/reports")).StatusCode);
        _client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key[..^2] + "xx");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("/api/v1/review/reports")).StatusCode);
        _client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var list = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/review/reports")).RootElement;
        var row = Assert.Single(list.GetProperty("reports").EnumerateArray());
        Assert.Equal("NO", row.GetProperty("jurisdiction").GetString());
        var id = row.GetProperty("id").GetString();
        var (set, _) = await Post($"/api/v1/review/reports/{id}/status", """{"status":"referred-for-legal-support","note":"legal aid"}""");
        Assert.Equal(HttpStatusCode.OK, set);
        var one = JsonDocument.Parse(await _client.GetStringAsync($"/api/v1/review/reports/{id}")).RootElement;
        Assert.Equal("legal aid", one.GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await Post($"/api/v1/review/reports/{id}/status", """{"status":"lost"}""")).Status);
        var ptId = ScalarText("SELECT id FROM reports WHERE jurisdiction = 'PT'");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/review/reports/{ptId}")).StatusCode);
        // The stored password is a PBKDF2 hash from ASP.NET Core Identity, the key only a SHA-256.
        Assert.StartsWith("AQAAAA", ScalarText("SELECT password_hash FROM organisations"));
        Assert.DoesNotContain(key.Split('_')[2], ScalarText("SELECT key_hash FROM organisations"));
    }

    [Fact]
    public async Task Form_WithoutScript_StoresOnce_AndNeedsItsAntiForgeryToken()
    {
        var html = await _client.GetStringAsync("/report?jurisdiction=NO");
        var token = PagesTest.Token(html);
        var key = System.Text.RegularExpressions.Regex.Match(html, "name=\"Key\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        Assert.Equal(32, key.Length);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Key"] = key, ["Jurisdiction"] = "NO", ["Week"] = "2026-W45", ["Setting"] = "street",
            ["Authority"] = "police", ["Acts"] = "searched-phone", ["Substance"] = "heroin", ["Amount"] = "2g", ["Dependence"] = "dependent",
        };
        var first = await (await _client.PostAsync("/report", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        Assert.Contains("id=\"receipt-code\"", first);
        Assert.Contains("beyond the law", first);
        var again = await (await _client.PostAsync("/report", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        Assert.Contains("already stored", again);
        Assert.Equal(1, ReportCount());
        form.Remove("__RequestVerificationToken");
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync("/report", new FormUrlEncodedContent(form))).StatusCode);
        var invalid = await (await _client.PostAsync("/report", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Key"] = key }))).Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", invalid);
    }

    [Fact]
    public async Task RateLimit_RefusesAfterTheHourlyAllowance()
    {
        using var factory = new WebFactory { Settings = { ["Decrim:ReportsPerHour"] = "3" } };
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostAsync("/api/v1/reports", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/figures")).StatusCode); // reading is not limited
    }

    [Fact]
    public void MinimumCellCount_BelowThree_StopsTheAppWithAClearError()
    {
        using var factory = new WebFactory { Settings = { ["Decrim:MinimumCellCount"] = "2" } };
        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient().GetAsync("/api/v1/figures").GetAwaiter().GetResult());
        Assert.Contains("MinimumCellCount", e.ToString());
    }

    [Fact]
    public async Task Privacy_PageSaysWhatIsKept()
    {
        var html = await _client.GetStringAsync("/privacy");
        Assert.Contains("No IP address, no browser or device details (user agent), no exact time", html);
        Assert.Contains("erased 90 days", html);
        Assert.Contains("between 1 and 4 is hidden", html);
    }

    private long ReportCount() => Scalar("SELECT COUNT(*) FROM reports");

    private long Scalar(string sql)
    {
        using var c = _factory.Services.GetRequiredService<Database>().Connect();
        return c.QuerySingle<long>(sql);
    }

    private string ScalarText(string sql)
    {
        using var c = _factory.Services.GetRequiredService<Database>().Connect();
        return c.QuerySingle<string>(sql);
    }
}
