using Dapper;

namespace Decrim.Storage;

/// <summary>
/// The web tier's data-protection keys (which sign anti-forgery tokens and sign-in cookies), kept in the database so
/// every instance behind a load balancer reads the same ring. The XML is written and read by ASP.NET Core.
/// </summary>
public sealed class KeyRing(Database db)
{
    public IReadOnlyList<string> All()
    {
        using var c = db.Connect();
        return c.Query<string>("SELECT xml FROM data_protection_keys ORDER BY name").ToList();
    }

    public void Store(string name, string xml)
    {
        using var c = db.Connect();
        c.Execute("INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO UPDATE SET xml = excluded.xml", new { name, xml });
    }
}
