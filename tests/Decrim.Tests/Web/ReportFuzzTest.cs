using System.Net;
using System.Text;

namespace Decrim.Tests.Web;

/// <summary>
/// 100,000 random and malformed requests to the monitoring endpoints: mangled JSON, wrong types, huge and odd values,
/// random headers and content types. Not one may get a 5xx, and the server must still answer afterwards.
/// </summary>
public sealed class ReportFuzzTest : IDisposable
{
    private readonly WebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static readonly string[] Seeds =
    [
        """{"jurisdiction":"NO","week":"2026-W45","setting":"street","authority":"police","acts":[{"act":"stopped"},{"act":"fine","amount":"1000 NOK"},{"act":"drug-test","consented":false},{"act":"arrest","hours":6}],"carried":[{"substance":"heroin","amount":"2g"}],"dependence":"dependent","ageBand":"25-34","housing":"homeless","text":"words"}""",
        """{"jurisdiction":"PT","date":"2026-10-01","region":"PT-11","setting":"home","authority":"police","acts":[{"act":"searched-home"},{"act":"referral-mandatory"}],"conduct":"possession","carried":[{"substance":"cocaine","amount":"1g"}]}""",
        """{"jurisdiction":"CA-BC","week":"2024-W10","setting":"vehicle","authority":"police","acts":[{"act":"confiscation"},{"act":"bribe","amount":"50 CAD"}]}""",
        """{"receipt":"ABCD-EFGH-JKMN-PQRS"}""",
        """{"status":"closed","note":"done"}""",
    ];

    private static readonly string[] Paths =
        ["/api/v1/reports", "/api/v1/reports", "/api/v1/reports", "/api/v1/reports/receipt", "/api/v1/reports/withdraw", "/api/v1/review/reports/abc/status", "/api/v1/figures?jurisdiction=", "/api/v1/figures.csv?quarter="];

    private static readonly string[] Oddities =
        ["null", "true", "-1", "1e308", "99999999999999999999", "\"\"", "\"\\u0000\"", "[]", "{}", "\"\\ud800\"", "\"💥\"", "0.5", "\"2026-W99\"", "\"../../etc\"",
         "\"" + new string('x', 5000) + "\"", "[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]", "\"NO\"", "\"fine\"", "\"1000 NOK\"", "\"-5 EUR\""];

    private static string Mutate(Random r, string s)
    {
        var b = new StringBuilder(s);
        for (int i = 0, n = r.Next(1, 4); i < n && b.Length > 0; i++)
        {
            var at = r.Next(b.Length);
            switch (r.Next(7))
            {
                case 0: b.Remove(at, Math.Min(r.Next(1, 12), b.Length - at)); break;
                case 1: b.Insert(at, (char)r.Next(0, 0x2FFF)); break;
                case 2: b.Insert(at, "{}[],:\"\\"[r.Next(8)]); break;
                case 3: b.Length = at; break;
                case 4:
                    // Replace a value after a colon with an odd one.
                    var colon = b.ToString().IndexOf(':', at);
                    if (colon > 0)
                    {
                        var end = b.ToString().IndexOfAny([',', '}', ']'], colon + 1);
                        if (end > colon) { b.Remove(colon + 1, end - colon - 1); b.Insert(colon + 1, Oddities[r.Next(Oddities.Length)]); }
                    }
                    break;
                case 5: b.Insert(at, b.ToString(at, Math.Min(20, b.Length - at))); break;
                default: b.Replace("\"act\"", "\"" + new[] { "act", "acts", "Act", "x" }[r.Next(4)] + "\""); break;
            }
        }
        return b.ToString();
    }

    [Fact]
    public async Task HundredThousandRandomRequests_NoServerError()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "dk_0123456789_notakey");
        var statuses = new int[600];
        const int total = 100_000;
        var failures = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var r = new Random(i);
            var path = Paths[r.Next(Paths.Length)];
            if (path.EndsWith('=')) path += Uri.EscapeDataString(Mutate(r, "NO2026-Q4"));
            var body = r.Next(10) == 0 ? Seeds[r.Next(Seeds.Length)] : Mutate(r, Seeds[r.Next(Seeds.Length)]);
            using var request = new HttpRequestMessage(path.Contains("figures", StringComparison.Ordinal) ? HttpMethod.Get : HttpMethod.Post, path);
            if (request.Method == HttpMethod.Post)
                request.Content = new StringContent(body, Encoding.UTF8, r.Next(20) == 0 ? "text/plain" : "application/json");
            if (r.Next(3) == 0) request.Headers.TryAddWithoutValidation("Idempotency-Key", r.Next(4) == 0 ? Mutate(r, "key") : $"fuzz-key-{r.Next(500):D12}");
            using var response = await client.SendAsync(request);
            Interlocked.Increment(ref statuses[(int)response.StatusCode]);
            if ((int)response.StatusCode >= 500)
            {
                var text = await response.Content.ReadAsStringAsync();
                lock (failures) if (failures.Count < 5) failures.Add($"{(int)response.StatusCode} {path} {body}: {text}");
            }
        });
        Assert.Empty(failures);
        Assert.Equal(total, statuses.Sum());
        Assert.True(statuses[400] > total / 2, "most mangled requests are refused as bad input");
        Assert.True(statuses[201] + statuses[200] > 1000, "some survive as valid reports or look-ups and are served");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
