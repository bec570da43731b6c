using Microsoft.Playwright;

namespace Decrim.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (browser downloads are not used). The test command installs Chromium;
/// a missing browser fails the test rather than skipping it. Screenshots go to artifacts/screenshots/.
/// </summary>
internal static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    public static string Screenshots
    {
        get
        {
            var folder = Path.Combine(Repo.Root, "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: run ./test.sh, which installs Debian's chromium package.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Executable, Headless = true, Args = ["--no-sandbox"] });
        return (playwright, browser);
    }
}
