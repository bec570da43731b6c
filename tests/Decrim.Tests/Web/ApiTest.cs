using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Decrim.Tests.Web;

/// <summary>Every endpoint of /api/v1 through the real pipeline: what it answers, and how it refuses bad input (problem details naming the field).</summary>
public class ApiTest(WebFactory factory) : IClassFixture<WebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected, string? field = null)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response, expected);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        var text = problem.ToString();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal); // never a stack trace
        if (field is not null)
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {text}");
        return problem;
    }

    [Fact]
    public async Task Jurisdictions_ListsTheCatalogueWithModels()
    {
        var list = await Json(await _client.GetAsync("/api/v1/jurisdictions?date=2023-06-01"), HttpStatusCode.OK);
        var items = list.GetProperty("jurisdictions").EnumerateArray().ToList();
        Assert.True(items.Count >= 40);
        var pt = items.Single(i => i.GetProperty("code").GetString() == "PT");
        Assert.Equal("decriminalisation-with-diversion", pt.GetProperty("model").GetString());
        var se = items.Single(i => i.GetProperty("code").GetString() == "SE");
        Assert.Equal("prohibition", se.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Jurisdictions_BadDate_NamesTheField() =>
        await Problem(await _client.GetAsync("/api/v1/jurisdictions?date=yesterday"), HttpStatusCode.BadRequest, "date");

    [Fact]
    public async Task Jurisdiction_HasVersionsAndSources()
    {
        var no = await Json(await _client.GetAsync("/api/v1/jurisdictions/no"), HttpStatusCode.OK);
        Assert.Equal("NO", no.GetProperty("code").GetString());
        Assert.True(no.GetProperty("versions").GetArrayLength() >= 3);
        Assert.True(no.GetProperty("sources").GetArrayLength() > 0);
        var id = no.GetProperty("versions")[0].GetProperty("id").GetString();
        var version = await Json(await _client.GetAsync($"/api/v1/jurisdictions/NO/versions/{id}"), HttpStatusCode.OK);
        Assert.True(version.GetProperty("rules").GetArrayLength() > 0);
        Assert.True(version.GetProperty("rules")[0].GetProperty("basis").TryGetProperty("source", out _));
    }

    [Theory]
    [InlineData("/api/v1/jurisdictions/XX")]
    [InlineData("/api/v1/jurisdictions/NO/versions/no-such-version")]
    [InlineData("/api/v1/jurisdictions/XX/classification")]
    [InlineData("/api/v1/jurisdictions/XX/assessment")]
    [InlineData("/api/v1/simulations/does-not-exist")]
    [InlineData("/api/v1/simulations/does-not-exist/files/series.csv")]
    [InlineData("/api/v1/no-such-endpoint")]
    public async Task Unknown_Is404ProblemDetails(string url) =>
        await Problem(await _client.GetAsync(url), HttpStatusCode.NotFound);

    [Fact]
    public async Task Evaluate_GivesThePathwayWithItsBasis()
    {
        var p = await Json(await _client.PostAsync("/api/v1/evaluate", Body("""
            {"jurisdiction":"KG","date":"2020-06-01","items":[{"substance":"cannabis-resin","amount":"3g"}]}
            """)), HttpStatusCode.OK);
        Assert.Equal("KG", p.GetProperty("jurisdiction").GetString());
        Assert.Equal("administrative", p.GetProperty("offence").GetString());
        var fine = p.GetProperty("consequences")[0];
        Assert.Equal("fine", fine.GetProperty("kind").GetString());
        Assert.True(fine.GetProperty("escalation").GetArrayLength() > 0);
        Assert.NotEqual(JsonValueKind.Null, fine.GetProperty("basis").GetProperty("source").ValueKind);
    }

    [Fact]
    public async Task Evaluate_SameAnswerAsTheEngine()
    {
        var p = await Json(await _client.PostAsync("/api/v1/evaluate", Body("""
            {"jurisdiction":"NO","date":"2023-06-01","items":[{"substance":"heroin","amount":"4g"}],"dependence":"dependent"}
            """)), HttpStatusCode.OK);
        var policy = new Catalogue(Path.Combine(Repo.Root, "policies")).Get("NO");
        var encounter = new Decrim.Evaluation.EncounterInput { Date = "2023-06-01", Items = [new("heroin", "4g")], Dependence = "dependent" }.Parse(default, out _)!;
        var expected = JsonDocument.Parse(Decrim.Evaluation.PathwayJson.Write(Decrim.Evaluation.Engine.Evaluate(policy, encounter))).RootElement;
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(p));
    }

    [Theory]
    [InlineData("""{"date":"2023-06-01","items":[{"substance":"heroin","amount":"4g"}]}""", "jurisdiction")]
    [InlineData("""{"jurisdiction":"NO","date":"2023-13-01","items":[{"substance":"heroin","amount":"4g"}]}""", "date")]
    [InlineData("""{"jurisdiction":"NO","items":[]}""", "items")]
    [InlineData("""{"jurisdiction":"NO","items":[{"substance":"heroine","amount":"4g"}]}""", "items[0].substance")]
    [InlineData("""{"jurisdiction":"NO","items":[{"substance":"heroin","amount":"4"}]}""", "items[0].amount")]
    [InlineData("""{"jurisdiction":"NO","items":[{"substance":"heroin","amount":"4 plants"}]}""", "items[0].amount")]
    [InlineData("""{"jurisdiction":"NO","items":[{"substance":"heroin","amount":"4g"}, {"substance":"cocaine"}]}""", "items[1].amount")]
    [InlineData("""{"jurisdiction":"NO","items":[{"substance":"heroin","amount":"4g"}],"age":-3}""", "age")]
    [InlineData("""{"jurisdiction":"NO","items":[{"substance":"heroin","amount":"4g"}],"age":"old"}""", "age")]
    [InlineData("""{"jurisdiction":"NO","items":[{"substance":"heroin","amount":"4g"}],"dependence":"maybe"}""", "dependence")]
    [InlineData("""{"jurisdiction":"NO","items":[{"substance":"heroin","amount":"4g"}],"place":"moon"}""", "place")]
    [InlineData("""{"jurisdiction":"NO","items":[{"substance":"heroin","amount":"4g"}],"conduct":"smuggling"}""", "conduct")]
    [InlineData("""{"jurisdiction":"NO","items":[{"substance":"heroin","amount":"4g"}],"colour":"blue"}""", "colour")]
    [InlineData("""{"jurisdiction":"NO","items":[{"substance":"heroin","amount":"4g"}],"prior":1.5}""", "prior")]
    [InlineData("""{"jurisdiction":"NO","items":{"substance":"heroin"}}""", "items")]
    [InlineData("""{"jurisdiction":"UY","conduct":"purchase","items":[{"substance":"cannabis-herb"}]}""", "outlet")]
    [InlineData("""{"jurisdiction":"NO","date":"1990-01-01","items":[{"substance":"heroin","amount":"4g"}]}""", "date")]
    [InlineData("""{"jurisdiction":""", "jurisdiction")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""null""", "body")]
    public async Task Evaluate_BadInput_NamesTheField(string json, string field) =>
        await Problem(await _client.PostAsync("/api/v1/evaluate", Body(json)), HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task Evaluate_UnknownJurisdiction_Is404() =>
        await Problem(await _client.PostAsync("/api/v1/evaluate", Body("""{"jurisdiction":"ZZ","items":[{"substance":"heroin","amount":"4g"}]}""")), HttpStatusCode.NotFound);

    [Fact]
    public async Task Evaluate_NotJson_IsUnsupported() =>
        await Problem(await _client.PostAsync("/api/v1/evaluate", new StringContent("jurisdiction=NO", Encoding.UTF8, "application/x-www-form-urlencoded")), HttpStatusCode.UnsupportedMediaType);

    [Fact]
    public async Task Evaluate_TooLarge_Is413()
    {
        var big = "{\"jurisdiction\":\"NO\",\"note\":\"" + new string('x', 70_000) + "\"}";
        var response = await _client.PostAsync("/api/v1/evaluate", Body(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_WrongMethod_Is405() =>
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _client.GetAsync("/api/v1/evaluate")).StatusCode);

    [Fact]
    public async Task Batch_AnswersEachEncounterAndIsolatesBadOnes()
    {
        var r = await Json(await _client.PostAsync("/api/v1/evaluate/batch", Body("""
            {"jurisdiction":"PT","date":"2024-01-01","encounters":[
              {"items":[{"substance":"cocaine","amount":"1g"}]},
              {"jurisdiction":"SE","items":[{"substance":"cannabis-herb","amount":"1g"}]},
              {"jurisdiction":"VN","items":[{"substance":"heroin","amount":"0.1g"}]},
              {"items":[{"substance":"unobtainium","amount":"1g"}]}
            ]}
            """)), HttpStatusCode.OK);
        var results = r.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        Assert.Equal("administrative", results[0].GetProperty("offence").GetString());
        Assert.Equal("criminal", results[1].GetProperty("offence").GetString());
        Assert.Equal("VN", results[2].GetProperty("jurisdiction").GetString());
        Assert.True(results[3].GetProperty("errors").TryGetProperty("items[0].substance", out _));

        var full = await Json(await _client.PostAsync("/api/v1/evaluate/batch", Body("""
            {"jurisdiction":"PT","detail":"full","encounters":[{"items":[{"substance":"cocaine","amount":"1g"}]}]}
            """)), HttpStatusCode.OK);
        Assert.True(full.GetProperty("results")[0].GetProperty("pathway").GetProperty("trace").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("""{"jurisdiction":"PT","encounters":[]}""", "encounters")]
    [InlineData("""{"jurisdiction":"PT","detail":"everything","encounters":[{"items":[{"substance":"cocaine","amount":"1g"}]}]}""", "detail")]
    [InlineData("""{"jurisdiction":"PT","encounters":[{"items":[{"substance":"cocaine","amount":1}]}]}""", "encounters[0].items[0].amount")]
    public async Task Batch_BadInput_NamesTheField(string json, string field) =>
        await Problem(await _client.PostAsync("/api/v1/evaluate/batch", Body(json)), HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task Batch_OverTheLimit_IsRefused()
    {
        var encounters = string.Join(",", Enumerable.Repeat("""{"items":[{"substance":"cocaine","amount":"1g"}]}""", 51));
        await Problem(await _client.PostAsync("/api/v1/evaluate/batch", Body($$"""{"jurisdiction":"PT","encounters":[{{encounters}}]}""")), HttpStatusCode.BadRequest, "encounters");
    }

    [Fact]
    public async Task Classification_DerivesTheModel()
    {
        var c = await Json(await _client.GetAsync("/api/v1/jurisdictions/PT/classification?date=2024-01-01"), HttpStatusCode.OK);
        Assert.Contains("decriminalisation", c.ToString(), StringComparison.Ordinal);
        var timeline = await Json(await _client.GetAsync("/api/v1/jurisdictions/NO/classification?timeline=true"), HttpStatusCode.OK);
        Assert.True(timeline.GetArrayLength() >= 3);
        await Problem(await _client.GetAsync("/api/v1/jurisdictions/NO/classification?timeline=perhaps"), HttpStatusCode.BadRequest, "timeline");
        await Problem(await _client.GetAsync("/api/v1/jurisdictions/NO/classification?date=1950-01-01"), HttpStatusCode.BadRequest, "date");
    }

    [Fact]
    public async Task Assessment_JudgesEachCriterion()
    {
        var a = await Json(await _client.GetAsync("/api/v1/jurisdictions/KG/assessment?date=2020-06-01"), HttpStatusCode.OK);
        Assert.Contains("not-met", a.ToString(), StringComparison.Ordinal);
        var series = await Json(await _client.GetAsync("/api/v1/jurisdictions/NO/assessment?versions=true"), HttpStatusCode.OK);
        Assert.True(series.ToString().Split("\"verdict\"").Length > 10, "every version's criteria are judged");
        await Problem(await _client.GetAsync("/api/v1/jurisdictions/KG/assessment?date=June"), HttpStatusCode.BadRequest, "date");
    }

    [Fact]
    public async Task Compare_PutsJurisdictionsSideBySide()
    {
        var c = await Json(await _client.GetAsync("/api/v1/compare?jurisdictions=PT,NO,CZ&date=2024-01-01"), HttpStatusCode.OK);
        var text = c.ToString();
        Assert.Contains("\"PT\"", text, StringComparison.Ordinal);
        Assert.Contains("\"CZ\"", text, StringComparison.Ordinal);
        await Problem(await _client.GetAsync("/api/v1/compare?jurisdictions=PT"), HttpStatusCode.BadRequest, "jurisdictions");
        await Problem(await _client.GetAsync("/api/v1/compare?jurisdictions=PT,NO,CZ,DE,NL"), HttpStatusCode.BadRequest, "jurisdictions");
        await Problem(await _client.GetAsync("/api/v1/compare?jurisdictions=PT,ZZ"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Indicator_CountsCountries()
    {
        var u = await Json(await _client.GetAsync("/api/v1/indicator?date=2024-01-01"), HttpStatusCode.OK);
        Assert.Contains("criminalis", u.ToString(), StringComparison.Ordinal);
        await Problem(await _client.GetAsync("/api/v1/indicator?date=01/01/2024"), HttpStatusCode.BadRequest, "date");
    }

    [Fact]
    public async Task OpenApi_DescribesEveryRoute()
    {
        var doc = await Json(await _client.GetAsync("/api/v1/openapi.json"), HttpStatusCode.OK);
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var expected in new[] { "/api/v1/jurisdictions", "/api/v1/jurisdictions/{code}", "/api/v1/jurisdictions/{code}/versions/{id}",
                     "/api/v1/evaluate", "/api/v1/evaluate/batch", "/api/v1/jurisdictions/{code}/classification", "/api/v1/jurisdictions/{code}/assessment",
                     "/api/v1/compare", "/api/v1/indicator", "/api/v1/scenarios", "/api/v1/simulations", "/api/v1/simulations/{id}", "/api/v1/simulations/{id}/files/{name}" })
            Assert.Contains(expected, paths);
        Assert.Contains("EvaluateRequest", doc.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Simulation_IsAJobThatEndsWithFiles()
    {
        var scenarios = await Json(await _client.GetAsync("/api/v1/scenarios"), HttpStatusCode.OK);
        Assert.Contains("kyrgyzstan-fines", scenarios.ToString(), StringComparison.Ordinal);

        var start = await _client.PostAsync("/api/v1/simulations", Body("""
            {"scenario":"kyrgyzstan-fines","reforms":["kyrgyzstan-no-prison"],"population":2000,"replications":2}
            """));
        var job = await Json(start, HttpStatusCode.Accepted);
        var href = job.GetProperty("href").GetString()!;
        Assert.Equal(href, start.Headers.Location?.ToString());
        JsonElement status;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(100);
            status = await Json(await _client.GetAsync(href), HttpStatusCode.OK);
        } while (status.GetProperty("status").GetString() is "queued" or "running" && DateTime.UtcNow < deadline);
        Assert.Equal("done", status.GetProperty("status").GetString());
        var files = status.GetProperty("files");
        var series = await _client.GetAsync(files.GetProperty("series.csv").GetString());
        Assert.Equal("text/csv", series.Content.Headers.ContentType?.MediaType);
        var csv = await series.Content.ReadAsStringAsync();
        Assert.StartsWith("policy,", csv, StringComparison.Ordinal);
        Assert.Contains("kyrgyzstan-no-prison", status.ToString(), StringComparison.Ordinal);
        var result = await Json(await _client.GetAsync(files.GetProperty("result.json").GetString()), HttpStatusCode.OK);
        Assert.Equal(2000, result.GetProperty("population").GetInt32());
        Assert.False(files.TryGetProperty("report-body.html", out _));
    }

    [Theory]
    [InlineData("""{}""", "scenario")]
    [InlineData("""{"scenario":"atlantis"}""", "scenario")]
    [InlineData("""{"scenario":"../policies/NO"}""", "scenario")]
    [InlineData("""{"scenario":"norway","reforms":["no-such-reform"]}""", "reforms[0]")]
    [InlineData("""{"scenario":"norway","population":10000000}""", "population")]
    [InlineData("""{"scenario":"norway","population":1000,"replications":1000}""", "replications")]
    [InlineData("""{"scenario":"norway"}""", "population")]
    [InlineData("""{"scenario":"norway","population":"many"}""", "population")]
    public async Task Simulation_BadRequest_NamesTheField(string json, string field) =>
        await Problem(await _client.PostAsync("/api/v1/simulations", Body(json)), HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task Ping_IsBare() =>
        Assert.Equal("ok", await _client.GetStringAsync("/api/v1/ping"));

    /// <summary>Mangled bodies (fields dropped, values of the wrong type, bytes cut or inserted) never get a 5xx.</summary>
    [Fact]
    public async Task MangledBodies_NeverAServerError()
    {
        var random = new Random(20261121);
        string[] valid =
        [
            """{"jurisdiction":"NO","date":"2023-06-01","conduct":"possession","items":[{"substance":"heroin","amount":"4g"}],"dependence":"dependent","age":30,"prior":0,"place":"public","resident":true,"rebutted":false}""",
            """{"jurisdiction":"PT","date":"2024-01-01","encounters":[{"items":[{"substance":"cocaine","amount":"1g"}]}],"detail":"full"}""",
            """{"scenario":"kyrgyzstan-fines","reforms":["kyrgyzstan-no-prison"],"population":200,"replications":2}""",
        ];
        string[] urls = ["/api/v1/evaluate", "/api/v1/evaluate/batch", "/api/v1/simulations"];
        string[] tokens = ["null", "[]", "{}", "\"\"", "-1", "1e400", "true", "\"\\u0000\"", "\"9999-99-99\"", ",", ":", "\"", "]", "}"];
        var failures = new List<string>();
        for (var i = 0; i < 1_500; i++)
        {
            var which = i % 3;
            var body = valid[which].ToCharArray().ToList();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(body.Count);
                switch (random.Next(3))
                {
                    case 0: body.RemoveRange(at, Math.Min(random.Next(1, 12), body.Count - at)); break;
                    case 1: body.InsertRange(at, tokens[random.Next(tokens.Length)]); break;
                    default: body[at] = (char)random.Next(32, 127); break;
                }
            }
            var text = new string([.. body]);
            var response = await _client.PostAsync(urls[which], Body(text));
            if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {urls[which]} {text}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }
}
