using Microsoft.Playwright;

namespace Decrim.Tests.Browser;

/// <summary>
/// Debian's Chromium on the app under test: every page may reach only the app's own address (anything else is
/// aborted and recorded, so a page that needs the network fails its test), and page errors and console errors are
/// recorded for <see cref="NothingWentWrong"/>.
/// </summary>
public sealed class AppBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _url;

    private AppBrowser(IPlaywright playwright, IBrowser browser, string url) => (_playwright, _browser, _url) = (playwright, browser, url);

    public List<string> Outside { get; } = [];
    public List<string> Errors { get; } = [];

    public static async Task<AppBrowser> Launch(string url)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        return new AppBrowser(playwright, browser, url);
    }

    /// <summary>A new context (its own cookies) with a page at <paramref name="path"/>.</summary>
    public async Task<IPage> Open(string path, bool bypassCsp = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, BypassCSP = bypassCsp });
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(_url, StringComparison.Ordinal)) await route.ContinueAsync();
            else
            {
                Outside.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        page.PageError += (_, e) => Errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") Errors.Add(m.Text); };
        await page.GotoAsync(_url + path);
        return page;
    }

    public void NothingWentWrong()
    {
        Assert.Empty(Outside);
        Assert.Empty(Errors);
    }

    public static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
