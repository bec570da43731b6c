using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Decrim.Storage;
using Decrim.Storage.Reports;
using Decrim.Tests.Browser;
using Decrim.Web.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Decrim.Tests.Web;

/// <summary>
/// Community monitoring in Debian's Chromium against the app on a real server, with every request outside the app
/// aborted: a person reports an encounter through the form, keeps the receipt code, sees the report with it and
/// withdraws it (and it is gone from the database); a reviewer whose account was made with <c>reviewers add</c> signs
/// in, finds a report of their jurisdiction, refers it for legal support with a note and finds it under that status,
/// while a reviewer of another jurisdiction sees nothing of it. axe-core finds no serious or critical violation on the
/// form (empty, with errors, with a receipt), the receipt page, the privacy page and the reviewer's pages.
/// Screenshots: artifacts/screenshots/report-form.png, report-receipt.png, review-report.png.
/// </summary>
public sealed class MonitoringBrowserTest(LiveServer server) : IClassFixture<LiveServer>, IAsyncLifetime
{
    private AppBrowser _app = null!;

    public async Task InitializeAsync() => _app = await AppBrowser.Launch(server.Url);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private ReportStore Store => server.Services.GetRequiredService<ReportStore>();

    /// <summary>A week three weeks ago, as an input of type week writes it (2026-W40).</summary>
    private static string RecentWeek()
    {
        var day = DateTime.UtcNow.AddDays(-21);
        return $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}";
    }

    private Task<IPage> Open(string path, bool bypassCsp = false) => _app.Open(path, bypassCsp);

    private void NothingWentWrong() => _app.NothingWentWrong();

    private static Task Shot(IPage page, string name) => AppBrowser.Shot(page, name);

    private static async Task NoSeriousViolations(IPage page, string what)
    {
        var violations = await Axe.SeriousViolations(page);
        Assert.True(violations.Count == 0, $"{what}:\n{string.Join("\n", violations)}");
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Makes a reviewer account as the administrator would (<c>Decrim.Web reviewers add</c>) on the server's database; returns the password it prints.</summary>
    private string AddReviewer(string login, string jurisdictions) => AddReviewerWithKey(login, jurisdictions).Password;

    private (string Password, string Key) AddReviewerWithKey(string login, string jurisdictions)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ReviewerAdmin.Run(["add", "--login", login, "--name", $"Organisation {login}", "--jurisdictions", jurisdictions, "--database", server.Database], output, error);
        Assert.True(exit == 0, $"reviewers add exited {exit}: {error}");
        var password = Regex.Match(output.ToString(), @"password: (\S+)");
        var key = Regex.Match(output.ToString(), @"API key: +(\S+)");
        Assert.True(password.Success && key.Success, output.ToString());
        return (password.Groups[1].Value, key.Groups[1].Value);
    }

    /// <summary>Reports an encounter through the API (JSON, with an Idempotency-Key); returns the receipt code.</summary>
    private async Task<string> ReportByApi(string jurisdiction, string region, string text)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports")
        {
            Content = JsonContent.Create(new
            {
                jurisdiction, region, week = RecentWeek(), setting = "street", authority = "police",
                acts = new object[] { new { act = "stopped" }, new { act = "searched-body" }, new { act = "confiscation" } },
                carried = new[] { new { substance = "cannabis-herb", amount = "3g" } },
                text,
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("receipt").GetString()!;
    }

    private async Task SignIn(IPage page, string login, string password)
    {
        await page.GotoAsync(server.Url + "/review/login");
        await page.FillAsync("#login", login);
        await page.FillAsync("#password", password);
        await Button(page, "Sign in").ClickAsync();
        await page.WaitForURLAsync(server.Url + "/review");
        Assert.Equal("Reports to review", (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    private static long Count(Database db, string sql, string id)
    {
        using var connection = db.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Report_ThenSeeIt_ThenWithdrawIt_WithTheReceiptCode()
    {
        var week = RecentWeek();
        var page = await Open("/report");
        Assert.Equal("Report an encounter", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.SelectOptionAsync("#jurisdiction", "NO");
        await page.FillAsync("#region", "NO-03");
        await page.FillAsync("#week", week);
        Assert.Equal(week, await page.Locator("#week").InputValueAsync());
        await page.SelectOptionAsync("#setting", "street");
        await page.SelectOptionAsync("#authority", "police");
        await page.CheckAsync("#act-stopped");
        await page.GetByLabel("Searched: body or clothes").CheckAsync();
        await page.CheckAsync("#act-fine");
        await page.FillAsync("#fine-amount", "3000 NOK");
        await page.SelectOptionAsync("#substance", "cannabis-herb");
        await page.FillAsync("#amount", "2g");
        await page.SelectOptionAsync("#dependence", "not-dependent");
        await page.FillAsync("#text", "Stopped on the way home and searched in the open.");
        await Shot(page, "report-form");
        await Button(page, "Send report").ClickAsync();

        await page.Locator("#receipt-code").WaitForAsync();
        var code = (await page.Locator("#receipt-code").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        Assert.Equal("Your report is stored", (await page.Locator("#receipt-heading").InnerTextAsync()).Trim());
        var findings = page.Locator("section.receipt table tbody tr");
        Assert.Equal(3, await findings.CountAsync());
        var table = await page.Locator("section.receipt table").InnerTextAsync();
        foreach (var act in new[] { "Stopped or questioned", "Searched: body or clothes", "Fined" }) Assert.Contains(act, table, StringComparison.Ordinal);
        await Shot(page, "report-receipt");

        var stored = Store.ByReceipt(code);
        Assert.NotNull(stored);
        Assert.Equal(("NO", "NO-03", week, "street", "police"), (stored.Jurisdiction, stored.Region, stored.Week, stored.Setting, stored.Authority));
        Assert.Equal(["fine", "searched-body", "stopped"], stored.Acts.Select(a => a.act).Order(StringComparer.Ordinal));
        Assert.Contains("3000", stored.Acts.Single(a => a.act == "fine").amount, StringComparison.Ordinal);
        Assert.Equal("new", stored.Status);

        // The receipt page, reached by its link, as a person would.
        await page.GetByRole(AriaRole.Link, new() { Name = "the receipt page" }).ClickAsync();
        await page.WaitForURLAsync(server.Url + "/report/receipt");
        await page.FillAsync("#receipt", code);
        await Button(page, "See my report").ClickAsync();
        await page.Locator("#report").WaitForAsync();
        Assert.Equal($"Report for NO, {week}", (await page.Locator("#report-heading").InnerTextAsync()).Trim());
        Assert.Equal(3, await page.Locator("#report table tbody tr").CountAsync());
        Assert.Equal("new", (await page.Locator("#status").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator("#receipt-error").CountAsync());

        Assert.Equal(code, await page.Locator("#receipt").InputValueAsync());
        await Button(page, "Withdraw my report").ClickAsync();
        await page.Locator("#withdrawn").WaitForAsync();
        Assert.Equal(0, await page.Locator("#report").CountAsync());

        await page.FillAsync("#receipt", code);
        await Button(page, "See my report").ClickAsync();
        await page.Locator("#receipt-error").WaitForAsync();
        Assert.Equal(0, await page.Locator("#report").CountAsync());
        Assert.Equal(0, await page.Locator("#withdrawn").CountAsync());

        // Gone: not by its receipt, not by its id, no acts left, and the API says the same.
        Assert.Null(Store.ByReceipt(code));
        var db = server.Services.GetRequiredService<Database>();
        Assert.Equal(0, Count(db, "SELECT COUNT(*) FROM reports WHERE id = @id", stored.Id));
        Assert.Equal(0, Count(db, "SELECT COUNT(*) FROM report_acts WHERE report_id = @id", stored.Id));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        using var lookup = await http.PostAsJsonAsync("/api/v1/reports/receipt", new { receipt = code });
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        NothingWentWrong();
    }

    [Fact]
    public async Task Reviewer_RefersAReportForLegalSupport_AndAnotherJurisdictionSeesNothingOfIt()
    {
        var login = "no-" + Guid.NewGuid().ToString("N")[..8];
        var password = AddReviewer(login, "NO");
        var receipt = await ReportByApi("NO", "NO-46", "Searched at the bus stop; they took what I had.");
        var id = Store.ByReceipt(receipt)!.Id;

        var page = await Open("/review/login");
        await SignIn(page, login, password);
        var link = page.Locator($"#reports a[href='/review/reports/{id}']");
        Assert.Equal(1, await link.CountAsync());
        var row = page.Locator("#reports tbody tr", new() { Has = page.Locator($"a[href='/review/reports/{id}']") });
        Assert.Contains("NO NO-46", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.EndsWith("new", (await row.InnerTextAsync()).Trim(), StringComparison.Ordinal);

        await link.ClickAsync();
        await page.WaitForURLAsync(server.Url + "/review/reports/" + id);
        Assert.Equal($"Report {id}", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("Searched at the bus stop; they took what I had.", (await page.Locator("#text").InnerTextAsync()).Trim());
        Assert.Equal(3, await page.Locator("table#acts tbody tr").CountAsync());
        Assert.True(await page.Locator("#status-form input[name=Status][value=new]").IsCheckedAsync());
        await page.GetByLabel("referred for legal support").CheckAsync();
        await page.FillAsync("#note", "Passed to the legal aid clinic.");
        await Button(page, "Save").ClickAsync();
        await page.Locator("#saved").WaitForAsync();
        Assert.Contains("referred for legal support", await page.Locator("#saved").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#status-form input[name=Status][value=referred-for-legal-support]").IsCheckedAsync());
        Assert.Equal("Passed to the legal aid clinic.", await page.Locator("#note").InputValueAsync());
        await Shot(page, "review-report");
        var saved = Store.ReportForReview(["NO"], id)!;
        Assert.Equal(("referred-for-legal-support", "Passed to the legal aid clinic."), (saved.Status, saved.Note));

        // The list, narrowed to that status, shows it; narrowed to "new", it does not.
        await page.GetByRole(AriaRole.Link, new() { Name = "All reports" }).ClickAsync();
        await page.WaitForURLAsync(server.Url + "/review");
        await page.SelectOptionAsync("#status", "referred-for-legal-support");
        await Button(page, "Show").ClickAsync();
        await page.WaitForURLAsync("**/review?Status=referred-for-legal-support");
        Assert.Equal(1, await page.Locator($"#reports a[href='/review/reports/{id}']").CountAsync());
        Assert.All(await page.Locator("#reports tbody tr td:last-child").AllInnerTextsAsync(), s => Assert.Equal("referred-for-legal-support", s.Trim()));
        await page.SelectOptionAsync("#status", "new");
        await Button(page, "Show").ClickAsync();
        await page.WaitForURLAsync("**/review?Status=new");
        await page.Locator("#reports, #no-reports").First.WaitForAsync();
        Assert.Equal(0, await page.Locator($"a[href='/review/reports/{id}']").CountAsync());

        // A reviewer for Portugal, in a browser of their own, sees no Norwegian report, not even by its address.
        var pt = "pt-" + Guid.NewGuid().ToString("N")[..8];
        var ptPassword = AddReviewer(pt, "PT");
        var other = await Open("/review/login");
        await SignIn(other, pt, ptPassword);
        await other.Locator("#no-reports").WaitForAsync();
        Assert.Equal(0, await other.Locator("#reports").CountAsync());
        var errorsBefore = _app.Errors.Count;
        IResponse? response = null;
        // Chromium logs a 404 as a console error of its own: that one is expected, and nothing else.
        await other.RunAndWaitForConsoleMessageAsync(async () => response = await other.GotoAsync(server.Url + "/review/reports/" + id),
            new() { Predicate = m => m.Text.Contains("status of 404", StringComparison.Ordinal) });
        Assert.Equal(404, response!.Status);
        var content = await other.ContentAsync();
        Assert.DoesNotContain("NO-46", content, StringComparison.Ordinal);
        Assert.DoesNotContain("bus stop", content, StringComparison.Ordinal);
        Assert.Contains("status of 404", Assert.Single(_app.Errors.Skip(errorsBefore)), StringComparison.Ordinal);
        _app.Errors.RemoveAt(errorsBefore);
        NothingWentWrong();
    }

    [Fact]
    public async Task ReviewList_CanBeEmpty()
    {
        // On SQLite an empty list once failed to materialise (the counted column has no type without rows).
        Assert.Empty(Store.ForReview(["IS"], null));
        Assert.Empty(Store.ForReview(["NO"], "closed"));
        var (_, key) = AddReviewerWithKey("is-" + Guid.NewGuid().ToString("N")[..8], "IS");
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        using var response = await http.GetAsync("/api/v1/review/reports");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(0, JsonDocument.Parse(body).RootElement.GetProperty("reports").GetArrayLength());
    }

    [Theory]
    [InlineData("/report", "#report-form")]
    [InlineData("/report/receipt", "#receipt-form")]
    [InlineData("/privacy", "h1")]
    [InlineData("/review/login", "#login-form")]
    public async Task Accessibility_NoSeriousOrCriticalViolations(string path, string ready)
    {
        var page = await Open(path, bypassCsp: true);
        await page.WaitForSelectorAsync(ready);
        await NoSeriousViolations(page, path);
        NothingWentWrong();
    }

    [Fact]
    public async Task Accessibility_TheFormWithErrors()
    {
        var page = await Open("/report", bypassCsp: true);
        // As a browser that does not check required fields would send it: empty.
        await page.EvalOnSelectorAsync("#report-form", "form => form.noValidate = true");
        await Button(page, "Send report").ClickAsync();
        await page.Locator("#errors").WaitForAsync();
        Assert.Contains("jurisdiction", await page.Locator("#errors").InnerTextAsync(), StringComparison.Ordinal);
        // Each field's own error is part of its description, so a screen reader reads it with the field.
        foreach (var field in new[] { "#jurisdiction", "#setting", "#authority", "#acts" })
        {
            var described = await page.EvalOnSelectorAsync<string>(field,
                "e => e.getAttribute('aria-describedby').split(' ').map(id => document.getElementById(id).textContent.trim()).join(' ').trim()");
            Assert.False(string.IsNullOrEmpty(described), $"{field} is not described by its error");
        }
        await NoSeriousViolations(page, "/report with errors");
        NothingWentWrong();
    }

    [Fact]
    public async Task Accessibility_TheReceiptAndTheReportSeenWithIt()
    {
        var page = await Open("/report", bypassCsp: true);
        await page.SelectOptionAsync("#jurisdiction", "CZ");
        await page.FillAsync("#week", RecentWeek());
        await page.SelectOptionAsync("#setting", "nightlife");
        await page.SelectOptionAsync("#authority", "police");
        await page.CheckAsync("#act-stopped");
        await page.CheckAsync("#act-drug-test");
        await Button(page, "Send report").ClickAsync();
        await page.Locator("#receipt-code").WaitForAsync();
        var code = (await page.Locator("#receipt-code").InnerTextAsync()).Trim();
        await NoSeriousViolations(page, "/report with its receipt");

        await page.GotoAsync(server.Url + "/report/receipt");
        await page.FillAsync("#receipt", code);
        await Button(page, "See my report").ClickAsync();
        await page.Locator("#report").WaitForAsync();
        await NoSeriousViolations(page, "/report/receipt with the report");

        await page.FillAsync("#receipt", "0000-0000-0000-0000");
        await Button(page, "See my report").ClickAsync();
        await page.Locator("#receipt-error").WaitForAsync();
        await NoSeriousViolations(page, "/report/receipt with an error");
        NothingWentWrong();
    }

    [Fact]
    public async Task Accessibility_TheReviewersPages()
    {
        var login = "a11y-" + Guid.NewGuid().ToString("N")[..8];
        var password = AddReviewer(login, "NO");
        var id = Store.ByReceipt(await ReportByApi("NO", "NO-50", "Nothing that names anyone."))!.Id;
        var page = await Open("/review/login", bypassCsp: true);
        await SignIn(page, login, password);
        await page.Locator("#reports").WaitForAsync();
        await NoSeriousViolations(page, "/review");
        await page.GotoAsync(server.Url + "/review/reports/" + id);
        await page.Locator("#status-form").WaitForAsync();
        await NoSeriousViolations(page, "/review/reports/{id}");
        await page.GetByLabel("reviewed", new() { Exact = true }).CheckAsync();
        await Button(page, "Save").ClickAsync();
        await page.Locator("#saved").WaitForAsync();
        await NoSeriousViolations(page, "/review/reports/{id} after saving");
        NothingWentWrong();
    }
}
