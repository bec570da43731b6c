using System.Net;
using System.Text.RegularExpressions;

namespace Decrim.Tests.Web;

/// <summary>Each page rendered on the server: it answers, works without script, carries the security headers, and speaks the reader's language.</summary>
public partial class PagesTest(WebFactory factory) : IClassFixture<WebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> Page(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        // No inline script: every <script> has a src, or is a JSON data block.
        foreach (Match m in ScriptTag().Matches(html))
            Assert.True(m.Value.Contains("src=", StringComparison.Ordinal) || m.Value.Contains("application/json", StringComparison.Ordinal), $"inline script on {url}: {m.Value}");
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://cdn", html, StringComparison.Ordinal);
        return html;
    }

    /// <summary>The anti-forgery token a form carries.</summary>
    internal static string Token(string html) => AntiForgery().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [Fact]
    public async Task Map_ListsEveryJurisdictionWithItsModel()
    {
        var html = await Page("/?date=2023-06-01");
        Assert.Contains("id=\"map-data\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/jurisdictions/PT?date=2023-06-01\"", html, StringComparison.Ordinal);
        Assert.Contains("Decriminalisation with administrative sanctions", html, StringComparison.Ordinal);
        var filtered = await Page("/?date=2023-06-01&model=prohibition");
        Assert.Contains("data-code=\"SE\"", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("data-code=\"PT\"", filtered, StringComparison.Ordinal);
        var searched = await Page("/?q=norw");
        Assert.Contains("data-code=\"NO\"", searched, StringComparison.Ordinal);
        Assert.DoesNotContain("data-code=\"PT\"", searched, StringComparison.Ordinal);
        Assert.Contains("is not a date", await Page("/?date=soon"), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryJurisdictionHasAPlaceOnTheMap()
    {
        var places = Decrim.Web.Site.Place.LoadBundled().Select(p => p.Code).ToHashSet();
        var codes = new Catalogue(Path.Combine(Repo.Root, "policies")).Codes();
        Assert.Equal("", string.Join(", ", codes.Where(c => !places.Contains(c))));
        Assert.Equal("", string.Join(", ", places.Where(p => !codes.Contains(p))));
    }

    [Fact]
    public async Task Jurisdiction_ShowsModelThresholdsStandardCasesAssessmentAndSources()
    {
        var html = await Page("/jurisdictions/NO?date=2023-06-01");
        Assert.Contains("<h1>Norway", html, StringComparison.Ordinal);
        foreach (var section in new[] { "id=\"now\"", "id=\"thresholds\"", "id=\"standard\"", "id=\"assessment\"", "id=\"timeline\"", "id=\"sources\"", "Last verified" })
            Assert.Contains(section, html, StringComparison.Ordinal);
        Assert.Contains("5 g", html, StringComparison.Ordinal);
        await Page("/jurisdictions/ZZ", HttpStatusCode.NotFound);
        var lower = await _client.GetAsync("/jurisdictions/no");
        Assert.Equal(HttpStatusCode.OK, lower.StatusCode);
    }

    [Theory]
    [InlineData("en", "This is still a crime here, but in this situation the law imposes no punishment.", "This is information, not legal advice.")]
    [InlineData("nb", "Dette er fortsatt straffbart her, men i denne situasjonen gir loven ingen straff.", "Dette er informasjon, ikke juridisk rådgivning.")]
    [InlineData("pt", "Isto continua a ser crime aqui, mas nesta situação a lei não impõe pena.", "Isto é informação, não aconselhamento jurídico.")]
    [InlineData("es", "Esto sigue siendo delito aquí, pero en esta situación la ley no impone castigo.", "Esto es información, no asesoramiento jurídico.")]
    public async Task Rights_AnswersInTheReadersLanguage(string lang, string headline, string disclaimer)
    {
        var html = await Page($"/rights?j=NO&date=2023-06-01&s=heroin&a=4g&dep=dependent&lang={lang}");
        Assert.Contains($"<html lang=\"{lang}\"", html, StringComparison.Ordinal);
        Assert.Contains(headline, html, StringComparison.Ordinal);
        Assert.Contains(disclaimer, html, StringComparison.Ordinal);
        Assert.Contains("Kritisk juss", html, StringComparison.Ordinal); // the legal basis, as the source is titled
        Assert.Contains("id=\"answer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rights_ShowsAFinesEscalationWithDates()
    {
        var html = await Page("/rights?j=KG&date=2020-06-01&s=cannabis-resin&a=3g");
        Assert.Contains("This is not a crime here, but it is an administrative offence", html, StringComparison.Ordinal);
        Assert.Contains("A fine.", html, StringComparison.Ordinal);
        Assert.Contains("If it is not paid by 2020-", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rights_LanguageChoiceIsRemembered()
    {
        var response = await _client.GetAsync("/rights?lang=pt");
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("c%3Dpt", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Get, "/rights");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dpt%7Cuic%3Dpt");
        Assert.Contains("Conheça os seus direitos", await (await _client.SendAsync(request)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var browser = new HttpRequestMessage(HttpMethod.Get, "/rights");
        browser.Headers.Add("Accept-Language", "es-ES,es;q=0.9");
        Assert.Contains("Conozca sus derechos", await (await factory.CreateClient().SendAsync(browser)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/rights?j=NO&s=heroin&a=4", "a0")]
    [InlineData("/rights?j=NO&s=heroine&a=4g", "s0")]
    [InlineData("/rights?j=NO&s=heroin&a=4g&age=old", "age")]
    [InlineData("/rights?j=NO&date=1970-01-01&s=heroin&a=4g", "date")]
    [InlineData("/rights?j=ZZ&s=heroin&a=4g", "j")]
    [InlineData("/rights?j=NO", "s0")]
    public async Task Rights_BadAnswers_PointAtTheField(string url, string field)
    {
        var html = await Page(url);
        Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"answer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_SideBySide()
    {
        var html = await Page("/compare?j=PT&j=NO&j=CZ&date=2024-01-01");
        Assert.Contains("id=\"comparison\"", html, StringComparison.Ordinal);
        Assert.Contains("Portugal", html, StringComparison.Ordinal);
        Assert.Contains("Czech", html, StringComparison.Ordinal);
        Assert.Contains("Choose 2 to 4", await Page("/compare?j=PT"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicator_ShowsTheShareAndTheList()
    {
        var html = await Page("/indicator?date=2024-01-01");
        Assert.Contains("countries in the catalogue criminalise it", html, StringComparison.Ordinal);
        Assert.Contains("Subnational", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulator_RunsWithoutJavaScript()
    {
        // The client keeps cookies, as a browser does; without the anti-forgery token the post is refused.
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var fields = new Dictionary<string, string> { ["Scenario"] = "kyrgyzstan-fines", ["Reform"] = "kyrgyzstan-no-prison", ["Population"] = "1000", ["Replications"] = "2" };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/simulator", new FormUrlEncodedContent(fields))).StatusCode);

        var html = await (await client.GetAsync("/simulator")).Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = Token(html);
        var post = new HttpRequestMessage(HttpMethod.Post, "/simulator") { Content = new FormUrlEncodedContent(fields) };
        var posted = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var run = posted.Headers.Location!.ToString();
        Assert.StartsWith("/simulator/runs/", run, StringComparison.Ordinal);
        string result;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(100);
            result = await Page(run);
        } while (!result.Contains("data-status=\"done\"", StringComparison.Ordinal) && !result.Contains("data-status=\"failed\"", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        Assert.Contains("data-status=\"done\"", result, StringComparison.Ordinal);
        Assert.Contains("series.csv", result, StringComparison.Ordinal);
        Assert.Contains("figure class=\"chart\"", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulator_BadNumbers_AreShownOnTheForm()
    {
        var client = factory.CreateClient();
        var html = await (await client.GetAsync("/simulator")).Content.ReadAsStringAsync();
        var token = Token(html);
        var post = new HttpRequestMessage(HttpMethod.Post, "/simulator")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Scenario"] = "norway", ["Population"] = "9999999", ["Replications"] = "x", ["__RequestVerificationToken"] = token }),
        };
        var response = await client.SendAsync(post);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"errors\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nowhere")]
    [InlineData("/simulator/runs/nothing-here")]
    public async Task Missing_IsAPlain404Page(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("site.css", "text/css")]
    [InlineData("map.js", "text/javascript")]
    [InlineData("d3.min.js", "text/javascript")]
    [InlineData("plot.umd.min.js", "text/javascript")]
    [InlineData("report-charts.js", "text/javascript")]
    [InlineData("topojson-client.min.js", "text/javascript")]
    [InlineData("countries-110m.json", "application/json")]
    [InlineData("states-10m.json", "application/json")]
    public async Task Assets_AreServedFromInsideTheApp(string name, string type)
    {
        var response = await _client.GetAsync("/assets/" + name);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        var etag = response.Headers.ETag!.Tag;
        var again = new HttpRequestMessage(HttpMethod.Get, "/assets/" + name);
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/assets/..%2Fappsettings.json")).StatusCode);
    }
}
