using System.Text.Json;
using Microsoft.Playwright;

namespace Decrim.Tests.Browser;

/// <summary>
/// axe-core (the pinned copy in frontend/node_modules) run in the page. The page's context must bypass the content
/// security policy, which rightly refuses the injected script.
/// </summary>
internal static class Axe
{
    /// <summary>Every serious or critical violation on the page as it is now, one line each; empty when there is none.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolations(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(Repo.Root, "frontend", "node_modules", "axe-core", "axe.min.js") });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })));
            }
            """);
        return JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
    }
}
