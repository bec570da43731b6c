using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Decrim.Tests.Web;

/// <summary>
/// Clients submitting reports as fast as they can, each with its own Idempotency-Key, recording which submissions the
/// server acknowledged (201 or 200 with a receipt) and which it did not answer (the server died, or said 503).
/// </summary>
internal sealed class ReportTraffic
{
    private static readonly string[] Codes = ["NO", "PT", "CA-BC", "SE", "CZ"];
    private int _next;

    public Dictionary<string, string> Acknowledged { get; } = new(StringComparer.Ordinal); // key → receipt
    public HashSet<string> Unanswered { get; } = new(StringComparer.Ordinal);

    /// <summary>This week: its quarter is never yet published, so every report counts towards the figures.</summary>
    private static readonly string ThisWeek = Decrim.Monitoring.IsoWeek.Of(DateOnly.FromDateTime(DateTime.UtcNow)).ToString();

    /// <summary>The same body for the same key, every time: a retry is the same submission.</summary>
    public static string Body(string key)
    {
        var i = Math.Abs(key.GetHashCode(StringComparison.Ordinal)) % 1000;
        var code = Codes[i % Codes.Length];
        var acts = (i % 4) switch { 0 => "[{\"act\":\"stopped\"}]", 1 => "[{\"act\":\"searched-body\"},{\"act\":\"fine\",\"amount\":\"500 EUR\"}]", 2 => "[{\"act\":\"confiscation\"},{\"act\":\"arrest\",\"hours\":4}]", _ => "[{\"act\":\"stopped\"},{\"act\":\"bribe\"}]" };
        return $$"""{"jurisdiction":"{{code}}","week":"{{ThisWeek}}","setting":"street","authority":"police","acts":{{acts}},"carried":[{"substance":"cocaine","amount":"1g"}],"text":"report {{i}}"}""";
    }

    /// <summary>Sends one submission; true when the server acknowledged it.</summary>
    public async Task<bool> Send(HttpClient http, string url, string key)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url + "/api/v1/reports") { Content = new StringContent(Body(key), Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await http.SendAsync(request);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
                lock (this)
                {
                    if (Acknowledged.TryGetValue(key, out var before) && before != receipt) throw new InvalidOperationException($"two receipts for {key}");
                    Acknowledged[key] = receipt;
                    Unanswered.Remove(key);
                }
                return true;
            }
            if ((int)response.StatusCode < 500) throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        catch (HttpRequestException) { }
        catch (TaskCanceledException) { }
        lock (this) if (!Acknowledged.ContainsKey(key)) Unanswered.Add(key);
        return false;
    }

    public string NewKey() => $"traffic-{Interlocked.Increment(ref _next):D8}-{Guid.NewGuid():N}";

    /// <summary>Clients sending new submissions until <paramref name="stop"/>; a client whose send fails stops.</summary>
    public Task Run(HttpClient http, Func<int, string> url, int clients, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                if (!await Send(http, url(c), NewKey()) && !stop.IsCancellationRequested) await Task.Delay(20);
        })));
}
