using Decrim.Simulation;
using Decrim.Tests.Browser;
using Microsoft.Playwright;

namespace Decrim.Tests.Simulation;

/// <summary>The HTML report opened in real Chromium with the network cut off: every chart must be drawn, with no script error.</summary>
public class SimulationReportBrowserTest
{
    [Fact]
    public async Task Html_OpenedOffline_DrawsEveryChart()
    {
        var scenario = Scenarios.Small(Scenarios.Read("norway.yaml"), size: 20_000, replications: 3);
        var result = Simulator.Run(scenario, Scenarios.WithReforms(scenario, "norway-no-records.yaml"));
        var folder = Path.Combine(Path.GetTempPath(), "decrim-report-" + Guid.NewGuid().ToString("N"));
        SimulationReport.WriteAll(result, folder);
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Offline = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var requested = new List<string>();
            await context.RouteAsync("**/*", async route =>
            {
                if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal)) await route.ContinueAsync();
                else
                {
                    requested.Add(route.Request.Url);
                    await route.AbortAsync();
                }
            });
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            await page.GotoAsync(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri);
            await page.WaitForSelectorAsync("html[data-charts=drawn]", new PageWaitForSelectorOptions { Timeout = 20_000 });

            var figures = await page.Locator("figure.chart").CountAsync();
            var drawn = await page.Locator("figure.chart svg").CountAsync();
            Assert.True(figures >= 10, $"only {figures} chart figures");
            Assert.True(drawn >= figures, $"{drawn} charts drawn for {figures} figures");
            // A series chart has a line per policy with points; a burden chart has bars.
            Assert.True(await page.Locator("figure.chart[data-metric=fines-issued] svg path").CountAsync() >= 2);
            Assert.True(await page.Locator("figure.chart.burden svg rect").CountAsync() > 0);
            Assert.Contains("Simplified fines, no records", await page.Locator("#headline").Locator("xpath=following-sibling::table[1]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Empty(errors);
            Assert.Empty(requested);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "simulation-report.png"), FullPage = true });
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
            Directory.Delete(folder, true);
        }
    }
}
