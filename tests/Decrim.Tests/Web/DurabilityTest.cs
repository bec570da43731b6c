using Xunit.Abstractions;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dapper;
using Decrim.Storage;
using Decrim.Storage.Reports;
using Decrim.Tests.Storage;

namespace Decrim.Tests.Web;

/// <summary>
/// The server as a real process under failure: SIGKILL in the middle of a stream of submissions, two instances on one
/// PostgreSQL, the database going away. The guarantee each time: every acknowledged report is stored, none twice, and
/// nothing half-written.
/// </summary>
public sealed class DurabilityTest : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "decrim-durable-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _output;

    public DurabilityTest(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_folder);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    /// <summary>The servers' logs, for a failing test's message.</summary>
    private string Logs() => string.Join("\n", Directory.GetFiles(_folder, "*.log").Select(f => f + ":\n" + string.Join("\n", File.ReadLines(f).TakeLast(40))));

    private static long Scalar(Database db, string sql)
    {
        using var c = db.Connect();
        return c.QuerySingle<long>(sql);
    }

    /// <summary>Every acknowledged receipt finds its report; the table holds exactly one report per key sent.</summary>
    private static void Verify(Database db, ReportTraffic traffic)
    {
        var store = new ReportStore(db);
        foreach (var (key, receipt) in traffic.Acknowledged)
            Assert.True(store.ByReceipt(receipt) is not null, $"acknowledged report {key} is missing");
        Assert.Empty(traffic.Unanswered);
        Assert.Equal(traffic.Acknowledged.Count, Scalar(db, "SELECT COUNT(*) FROM reports"));
        Assert.Equal(traffic.Acknowledged.Count, Scalar(db, "SELECT COUNT(*) FROM submissions"));
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM report_acts a WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = a.report_id)"));
        Assert.Equal(Scalar(db, "SELECT COUNT(*) FROM reports WHERE counted = 1"), Scalar(db, "SELECT COALESCE(SUM(n), 0) FROM report_counts WHERE cell = 'reports'"));
        Assert.True(Scalar(db, "SELECT COUNT(*) FROM reports WHERE counted = 1") > 0);
    }

    [Fact]
    public async Task Sqlite_KilledMidStream_LosesNoAcknowledgedReportAndDuplicatesNone()
    {
        var database = Path.Combine(_folder, "decrim.sqlite");
        var traffic = new ReportTraffic();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var random = new Random(3);
        for (var round = 0; round < 4; round++)
        {
            using var server = await ServerProcess.Start(database, Path.Combine(_folder, "server.log"), "--Decrim:ReportsPerHour", "1000000");
            // Anything not answered before the last kill is sent again now, with its key: stored once, whatever happened to it.
            foreach (var key in traffic.Unanswered.ToList()) Assert.True(await traffic.Send(http, server.Url, key));
            Assert.True(await traffic.Send(http, server.Url, traffic.NewKey())); // the first report loads the catalogue
            var before = traffic.Acknowledged.Count;
            using var stop = new CancellationTokenSource();
            var clients = traffic.Run(http, _ => server.Url, clients: 24, stop.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(1500 + random.Next(1500)));
            server.Kill();
            await stop.CancelAsync();
            await clients;
            _output.WriteLine($"round {round}: {traffic.Acknowledged.Count - before} acknowledged, {traffic.Unanswered.Count} unanswered when killed");
            Assert.True(traffic.Acknowledged.Count - before > 50, $"round {round}: only {traffic.Acknowledged.Count - before} reports acknowledged before the kill\n{Logs()}");
        }
        using (var server = await ServerProcess.Start(database, Path.Combine(_folder, "server.log"), "--Decrim:ReportsPerHour", "1000000"))
        {
            foreach (var key in traffic.Unanswered.ToList()) Assert.True(await traffic.Send(http, server.Url, key));
            // Acknowledged ones sent again are recognised, not stored again.
            foreach (var key in traffic.Acknowledged.Keys.Take(30).ToList()) Assert.True(await traffic.Send(http, server.Url, key));
            server.Stop();
        }
        using var db = Database.Open(database);
        Verify(db, traffic);
    }

    [Fact]
    public async Task Postgres_TwoInstances_OneKilled_LoseNothingAndDuplicateNothing()
    {
        using var pg = new PostgresProvider();
        var traffic = new ReportTraffic();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var a = await ServerProcess.Start(pg.Address, Path.Combine(_folder, "a.log"), "--Decrim:ReportsPerHour", "1000000");
        using var b = await ServerProcess.Start(pg.Address, Path.Combine(_folder, "b.log"), "--Decrim:ReportsPerHour", "1000000");
        var urls = new[] { a.Url, b.Url };
        foreach (var url in urls) Assert.True(await traffic.Send(http, url, traffic.NewKey())); // the first report loads the catalogue
        using (var stop = new CancellationTokenSource())
        {
            var clients = traffic.Run(http, c => urls[c % 2], clients: 24, stop.Token);
            // Half the time, the same submission reaches both instances at once, as after a load balancer's retry.
            var twins = Task.Run(async () =>
            {
                for (var i = 0; i < 150 && !stop.IsCancellationRequested; i++)
                {
                    var key = traffic.NewKey();
                    await Task.WhenAll(traffic.Send(http, a.Url, key), traffic.Send(http, b.Url, key));
                }
            });
            await Task.Delay(2500);
            a.Kill();
            await Task.Delay(1500);
            await stop.CancelAsync();
            await Task.WhenAll(clients, twins);
        }
        foreach (var key in traffic.Unanswered.ToList()) Assert.True(await traffic.Send(http, b.Url, key));
        _output.WriteLine($"two instances: {traffic.Acknowledged.Count} acknowledged in all");
        Assert.True(traffic.Acknowledged.Count > 200, $"only {traffic.Acknowledged.Count} acknowledged");
        b.Stop();
        using var db = pg.Open();
        Verify(db, traffic);
    }

    [Fact]
    public async Task Postgres_Unreachable_Gives503AndWritesNothing_ThenRecovers()
    {
        using var pg = new PostgresProvider();
        var target = new Npgsql.NpgsqlConnectionStringBuilder(pg.Address);
        using var proxy = new TcpProxy(target.Host!, target.Port);
        var viaProxy = new Npgsql.NpgsqlConnectionStringBuilder(pg.Address) { Port = proxy.Port, Timeout = 3, CommandTimeout = 5 }.ToString();
        var traffic = new ReportTraffic();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var server = await ServerProcess.Start(viaProxy, Path.Combine(_folder, "server.log"));
        var first = traffic.NewKey();
        Assert.True(await traffic.Send(http, server.Url, first));

        proxy.Cut();
        var key = traffic.NewKey();
        using (var request = new HttpRequestMessage(HttpMethod.Post, server.Url + "/api/v1/reports") { Content = new StringContent(ReportTraffic.Body(key), Encoding.UTF8, "application/json") })
        {
            request.Headers.Add("Idempotency-Key", key);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.RetryAfter is not null);
            Assert.Contains("nothing you sent was stored", await response.Content.ReadAsStringAsync());
        }
        // Pages that only read the catalogue still work; the monitoring figures say they cannot be read.
        var page = await http.GetStringAsync(server.Url + "/jurisdictions/NO");
        Assert.Contains("cannot be read just now", page);
        using (var direct = pg.Open())
        {
            Assert.Equal(1, Scalar(direct, "SELECT COUNT(*) FROM reports"));
            Assert.Equal(1, Scalar(direct, "SELECT COUNT(*) FROM submissions"));
        }

        proxy.Resume();
        Assert.True(await traffic.Send(http, server.Url, key));
        server.Stop();
        using var db = pg.Open();
        Verify(db, traffic);
        Assert.Contains("cannot be reached", File.ReadAllText(Path.Combine(_folder, "server.log")));
    }

    [Fact]
    public async Task Sqlite_Locked_Gives503AndWritesNothing()
    {
        var database = Path.Combine(_folder, "locked.sqlite");
        var traffic = new ReportTraffic();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var server = await ServerProcess.Start(database, Path.Combine(_folder, "server.log"));
        Assert.True(await traffic.Send(http, server.Url, traffic.NewKey()));
        using (var db = Database.Open(database))
        using (var holder = db.Connect())
        {
            holder.Execute("BEGIN EXCLUSIVE");
            Assert.False(await traffic.Send(http, server.Url, traffic.NewKey()));
            holder.Execute("ROLLBACK");
        }
        foreach (var key in traffic.Unanswered.ToList()) Assert.True(await traffic.Send(http, server.Url, key));
        server.Stop();
        using var check = Database.Open(database);
        Verify(check, traffic);
    }

    /// <summary>A TCP relay to the database that the test can cut (every connection dropped, new ones refused) and resume on the same port.</summary>
    private sealed class TcpProxy : IDisposable
    {
        private readonly string _host;
        private readonly int _port;
        private readonly List<TcpClient> _open = [];
        private TcpListener _listener;
        private bool _cut;

        public int Port { get; }

        public TcpProxy(string host, int port)
        {
            (_host, _port) = (host, port);
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = Accept(_listener);
        }

        private async Task Accept(TcpListener listener)
        {
            while (true)
            {
                TcpClient client;
                try { client = await listener.AcceptTcpClientAsync(); }
                catch (Exception) { return; }
                if (_cut) { client.Dispose(); continue; }
                var server = new TcpClient();
                try { await server.ConnectAsync(_host, _port); }
                catch (SocketException) { client.Dispose(); continue; }
                lock (_open) _open.AddRange([client, server]);
                _ = Pump(client, server);
                _ = Pump(server, client);
            }
        }

        private static async Task Pump(TcpClient from, TcpClient to)
        {
            try { await from.GetStream().CopyToAsync(to.GetStream()); }
            catch (Exception) { }
            from.Dispose();
            to.Dispose();
        }

        public void Cut()
        {
            _cut = true;
            lock (_open)
            {
                foreach (var c in _open) c.Dispose();
                _open.Clear();
            }
        }

        public void Resume() => _cut = false;

        public void Dispose()
        {
            Cut();
            _listener.Stop();
        }
    }
}
