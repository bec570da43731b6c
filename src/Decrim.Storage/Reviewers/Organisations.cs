using Dapper;

namespace Decrim.Storage.Reviewers;

/// <summary>
/// A reviewing organisation's account: it reads and follows up the individual reports of its jurisdictions, and
/// nothing else. The password is kept only as a standard password hash (made by the caller), the API key only as the
/// SHA-256 of its secret part, found by its public id.
/// </summary>
public sealed record Organisation(string Id, string Login, string Name, IReadOnlyList<string> Jurisdictions, string PasswordHash, bool Disabled);

public sealed class Organisations(Database db)
{
    private sealed record Row(string id, string login, string name, string jurisdictions, string password_hash, long disabled);

    private sealed record KeyRow(string id, string login, string name, string jurisdictions, string password_hash, long disabled, string key_hash);

    private const string Columns = "id, login, name, jurisdictions, password_hash, disabled";

    /// <summary>Adds an account; false when the login is taken.</summary>
    public bool Create(string login, string name, IReadOnlyList<string> jurisdictions, string passwordHash, string keyId, string keyHash)
    {
        using var c = db.Connect();
        return c.Execute("""
            INSERT INTO organisations (id, login, name, jurisdictions, password_hash, key_id, key_hash)
            VALUES (@id, @login, @name, @jurisdictions, @passwordHash, @keyId, @keyHash)
            ON CONFLICT (login) DO NOTHING
            """, new { id = Reports.Receipts.NewId(), login, name, jurisdictions = string.Join(',', jurisdictions), passwordHash, keyId, keyHash }) == 1;
    }

    public Organisation? ByLogin(string login)
    {
        using var c = db.Connect();
        return Map(c.QuerySingleOrDefault<Row>($"SELECT {Columns} FROM organisations WHERE login = @login", new { login }));
    }

    public Organisation? ById(string id)
    {
        using var c = db.Connect();
        return Map(c.QuerySingleOrDefault<Row>($"SELECT {Columns} FROM organisations WHERE id = @id", new { id }));
    }

    /// <summary>The account an API key's id names, with the stored hash of its secret to compare.</summary>
    public (Organisation Organisation, string KeyHash)? ByKeyId(string keyId)
    {
        using var c = db.Connect();
        var row = c.QuerySingleOrDefault<KeyRow>($"SELECT {Columns}, key_hash FROM organisations WHERE key_id = @keyId", new { keyId });
        return row is null ? null : (Map(new Row(row.id, row.login, row.name, row.jurisdictions, row.password_hash, row.disabled))!, row.key_hash);
    }

    public IReadOnlyList<Organisation> All()
    {
        using var c = db.Connect();
        return c.Query<Row>($"SELECT {Columns} FROM organisations ORDER BY login").Select(r => Map(r)!).ToList();
    }

    public bool SetPassword(string login, string passwordHash)
    {
        using var c = db.Connect();
        return c.Execute("UPDATE organisations SET password_hash = @passwordHash WHERE login = @login", new { login, passwordHash }) == 1;
    }

    public bool SetKey(string login, string keyId, string keyHash)
    {
        using var c = db.Connect();
        return c.Execute("UPDATE organisations SET key_id = @keyId, key_hash = @keyHash WHERE login = @login", new { login, keyId, keyHash }) == 1;
    }

    public bool SetDisabled(string login, bool disabled)
    {
        using var c = db.Connect();
        return c.Execute("UPDATE organisations SET disabled = @disabled WHERE login = @login", new { login, disabled = disabled ? 1L : 0L }) == 1;
    }

    private static Organisation? Map(Row? r) => r is null ? null
        : new(r.id, r.login, r.name, r.jurisdictions.Split(',', StringSplitOptions.RemoveEmptyEntries), r.password_hash, r.disabled == 1);
}
