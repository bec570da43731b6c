using Decrim.Storage;
using Decrim.Storage.Reviewers;

namespace Decrim.Web.Monitoring;

/// <summary>
/// The administrator's commands for reviewer accounts, run on the server against the app's database:
/// <c>reviewers add --login L --name N --jurisdictions NO,PT</c>, <c>reviewers list</c>, <c>reviewers reset --login L</c>
/// (new password and API key), <c>reviewers disable --login L</c>, <c>reviewers enable --login L</c>. Passwords and keys
/// are generated, shown once and stored only as hashes. <c>--database</c> names the database as for the app.
/// </summary>
public static class ReviewerAdmin
{
    public const string Usage = """
        usage: Decrim.Web reviewers <command> [--database <file or postgres://…>]
          add --login <login> --name "<organisation>" --jurisdictions <CODE,CODE…>   create an account; prints its password and API key once
          list                                                                        accounts with their jurisdictions
          reset --login <login>                                                       new password and API key (the old ones stop working)
          disable --login <login> | enable --login <login>
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help") { output.WriteLine(Usage); return args.Length == 0 ? 2 : 0; }
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error.WriteLine($"error: expected --option value, found \"{args[i]}\".");
                error.WriteLine(Usage);
                return 2;
            }
            named[args[i][2..]] = args[++i];
        }
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(named.TryGetValue("database", out var d) ? [new("Decrim:Database", d)] : [])
            .Build();
        var options = DecrimOptions.From(config);
        try
        {
            using var db = Database.Open(options.Database);
            var accounts = new Organisations(db);
            string Need(string name) => named.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim()
                : throw new ArgumentException($"--{name} is required.");
            switch (args[0])
            {
                case "add":
                {
                    var login = Need("login");
                    var codes = Need("jurisdictions").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).ToList();
                    var known = new Catalogue(options.CatalogueFolder()).Codes().ToHashSet(StringComparer.Ordinal);
                    if (codes.Count == 0) throw new ArgumentException("--jurisdictions: name at least one, e.g. NO,PT.");
                    if (codes.FirstOrDefault(c => !known.Contains(c)) is { } unknown) throw new ArgumentException($"--jurisdictions: \"{unknown}\" is not in the catalogue.");
                    var password = Reviewers.NewPassword();
                    var (key, keyId, keyHash) = Reviewers.NewKey();
                    if (!accounts.Create(login, Need("name"), codes, Reviewers.HashPassword(password), keyId, keyHash))
                        throw new ArgumentException($"the login \"{login}\" is taken.");
                    output.WriteLine($"Created {login} for {string.Join(", ", codes)}. Give these to the organisation now; they are not shown again:");
                    output.WriteLine($"  password: {password}");
                    output.WriteLine($"  API key:  {key}");
                    return 0;
                }
                case "list":
                    foreach (var o in accounts.All())
                        output.WriteLine($"{o.Login}\t{o.Name}\t{string.Join(",", o.Jurisdictions)}{(o.Disabled ? "\tdisabled" : "")}");
                    return 0;
                case "reset":
                {
                    var login = Need("login");
                    var password = Reviewers.NewPassword();
                    var (key, keyId, keyHash) = Reviewers.NewKey();
                    if (!accounts.SetPassword(login, Reviewers.HashPassword(password)) || !accounts.SetKey(login, keyId, keyHash))
                        throw new ArgumentException($"no account \"{login}\".");
                    output.WriteLine($"New credentials for {login}:");
                    output.WriteLine($"  password: {password}");
                    output.WriteLine($"  API key:  {key}");
                    return 0;
                }
                case "disable" or "enable":
                {
                    var login = Need("login");
                    if (!accounts.SetDisabled(login, args[0] == "disable")) throw new ArgumentException($"no account \"{login}\".");
                    output.WriteLine($"{login} {args[0]}d.");
                    return 0;
                }
                default:
                    error.WriteLine($"error: unknown command \"{args[0]}\".");
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (Exception e) when (Database.IsUnavailable(e))
        {
            error.WriteLine($"error: the database cannot be reached: {e.Message}");
            return 1;
        }
    }
}
