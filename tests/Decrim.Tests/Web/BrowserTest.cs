using Decrim.Tests.Browser;
using Microsoft.Playwright;

namespace Decrim.Tests.Web;

/// <summary>
/// The main journeys in Debian's Chromium against the app on a real server, with every request outside the app
/// aborted (no network): map → jurisdiction, know your rights in two languages, compare, a small simulation with its
/// chart; axe-core finds no serious or critical accessibility violation on the main pages. Screenshots: artifacts/screenshots/.
/// </summary>
public sealed class BrowserTest(LiveServer server) : IClassFixture<LiveServer>, IAsyncLifetime
{
    private AppBrowser _app = null!;

    public async Task InitializeAsync() => _app = await AppBrowser.Launch(server.Url);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<IPage> Open(string path, bool bypassCsp = false) => _app.Open(path, bypassCsp);

    private void NothingWentWrong() => _app.NothingWentWrong();

    private static Task Shot(IPage page, string name) => AppBrowser.Shot(page, name);

    [Fact]
    public async Task Map_ThroughTime_ThenToAJurisdiction()
    {
        var page = await Open("/");
        await page.WaitForSelectorAsync("#map[data-state=drawn]", new() { Timeout = 20_000 });
        Assert.True(await page.Locator("#map a.jurisdiction").CountAsync() >= 40);
        Assert.True(await page.Locator("#map path.land").CountAsync() > 100, "the rest of the world is drawn too");
        var slider = page.Locator("#date-slider");
        await slider.FocusAsync();
        await page.Keyboard.PressAsync("Home");
        var early = await page.Locator("#map a[data-code=PT]").GetAttributeAsync("class");
        var earlyDate = await page.Locator("#map").GetAttributeAsync("data-date");
        Assert.Equal(earlyDate, await page.Locator("#date").InputValueAsync());
        await page.Keyboard.PressAsync("End");
        var now = await page.Locator("#map a[data-code=PT]").GetAttributeAsync("class");
        Assert.NotEqual(early, now); // Portugal decriminalised in 2001
        Assert.Contains("model-decriminalisation", now, StringComparison.Ordinal);
        await Shot(page, "map");
        await page.Locator("#map a[data-code=PT]").ClickAsync();
        await page.WaitForURLAsync("**/jurisdictions/PT");
        Assert.Contains("Portugal", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#assessment").WaitForAsync();
        await Shot(page, "jurisdiction-pt");
        NothingWentWrong();
    }

    [Theory]
    [InlineData("nb", "NO", "heroin", "4g", "dependent", "Dette er fortsatt straffbart her, men i denne situasjonen gir loven ingen straff.", "Kjenn dine rettigheter")]
    [InlineData("pt", "PT", "cocaine", "1g", "unknown", "Isto não é crime aqui, mas é uma contraordenação: pode mesmo assim ser sancionado.", "Conheça os seus direitos")]
    public async Task KnowYourRights_InTwoLanguages(string lang, string jurisdiction, string substance, string amount, string dependence, string headline, string title)
    {
        var page = await Open("/rights?lang=" + lang);
        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains(title, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await page.SelectOptionAsync("#j", jurisdiction);
        await page.FillAsync("#date", "2023-06-01");
        await page.SelectOptionAsync("#s0", substance);
        await page.FillAsync("#a0", amount);
        await page.CheckAsync($"input[name=dep][value={dependence}]");
        await page.Locator("#rights-form button[type=submit]").ClickAsync();
        await page.Locator("#answer").WaitForAsync();
        Assert.Equal(headline, (await page.Locator("#answer .headline").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("#answer ol.steps > li").CountAsync() >= 1);
        Assert.True(await page.Locator("#disclaimer").IsVisibleAsync());
        await Shot(page, "rights-" + lang);
        NothingWentWrong();
    }

    [Fact]
    public async Task KnowYourRights_ByKeyboardAlone()
    {
        var page = await Open("/rights");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("document.activeElement.className"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Locator("#j").FocusAsync();
        await page.Keyboard.TypeAsync("Kyrg");
        await page.Locator("#s0").FocusAsync();
        await page.Keyboard.TypeAsync("Cannabis resin");
        await page.Locator("#a0").FocusAsync();
        await page.Keyboard.TypeAsync("3g");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#answer").WaitForAsync();
        Assert.Contains("Kyrgyzstan", await page.Locator("#answer h2").InnerTextAsync(), StringComparison.Ordinal);
        NothingWentWrong();
    }

    [Fact]
    public async Task Compare_ThreeJurisdictions()
    {
        var page = await Open("/compare");
        await page.SelectOptionAsync("#j0", "PT");
        await page.SelectOptionAsync("#j1", "NO");
        await page.SelectOptionAsync("#j2", "CZ");
        await page.FillAsync("#date", "2024-01-01");
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.Locator("#comparison").WaitForAsync();
        Assert.Equal(4, await page.Locator("#comparison thead th").CountAsync());
        Assert.Contains("Czech", await page.Locator("#comparison thead").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "compare");
        NothingWentWrong();
    }

    [Fact]
    public async Task Simulator_RunsAndDrawsTheCharts()
    {
        var page = await Open("/simulator");
        await page.CheckAsync("input[name=Scenario][value=kyrgyzstan-fines]");
        await page.CheckAsync("input[name=Reform][value=kyrgyzstan-no-prison]");
        await page.FillAsync("#population", "2000");
        await page.FillAsync("#replications", "2");
        await page.Locator("#simulator-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/simulator/runs/*");
        await page.WaitForSelectorAsync("#job-status[data-status=done]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await page.WaitForSelectorAsync("html[data-charts=drawn]", new() { Timeout = 20_000 });
        Assert.True(await page.Locator("figure.chart svg").CountAsync() >= 5);
        Assert.True(await page.Locator("figure.chart[data-metric=fines-issued] svg path").CountAsync() >= 2);
        var href = await page.Locator("a[download='series.csv']").GetAttributeAsync("href");
        var csv = await (await page.APIRequest.GetAsync(server.Url + href)).TextAsync();
        Assert.StartsWith("policy,period,", csv, StringComparison.Ordinal);
        Assert.Contains("No prison", csv, StringComparison.OrdinalIgnoreCase);
        await Shot(page, "simulation-run");
        NothingWentWrong();
    }

    [Theory]
    [InlineData("/", "#map[data-state=drawn]")]
    [InlineData("/jurisdictions/NO?date=2023-06-01", "#assessment")]
    [InlineData("/rights?j=KG&date=2020-06-01&s=cannabis-resin&a=3g", "#answer")]
    [InlineData("/rights?lang=es&j=PT&date=2023-06-01&s=cocaine&a=1g", "#answer")]
    [InlineData("/compare?j=PT&j=NO&date=2024-01-01", "#comparison")]
    [InlineData("/indicator", "#indicator-result")]
    [InlineData("/simulator", "#simulator-form")]
    public async Task Accessibility_NoSeriousOrCriticalViolations(string path, string ready)
    {
        var page = await Open(path, bypassCsp: true);
        await page.WaitForSelectorAsync(ready, new() { Timeout = 20_000 });
        var violations = await Axe.SeriousViolations(page);
        Assert.True(violations.Count == 0, $"{path}:\n{string.Join("\n", violations)}");
        Assert.Empty(_app.Outside);
    }
}
