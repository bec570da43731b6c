namespace Decrim.Web;

/// <summary>The application's settings (section "Decrim" of the configuration). Every default serves the README's main command.</summary>
public sealed class DecrimOptions
{
    /// <summary>Folder of policy files; default: the bundled catalogue.</summary>
    public string? Catalogue { get; set; }
    /// <summary>Folder of simulation scenarios (with reforms/ inside); default: the bundled scenarios.</summary>
    public string? Scenarios { get; set; }
    /// <summary>The database: a SQLite file path or <c>Data Source=…</c> connection string.</summary>
    public string Database { get; set; } = "decrim.sqlite";
    /// <summary>Languages offered, the first the default; each needs Resources/Text.&lt;code&gt;.resx (English is built in).</summary>
    public string[] Languages { get; set; } = [];

    /// <summary>The languages offered when the configuration names none.</summary>
    public static readonly string[] DefaultLanguages = ["en", "nb", "pt", "es"];
    public long MaxRequestBytes { get; set; } = 1_048_576;
    public int MaxBatch { get; set; } = 1_000;
    public int MaxCompare { get; set; } = 4;
    public int MaxSimulationPopulation { get; set; } = 200_000;
    public int MaxSimulationReplications { get; set; } = 50;
    /// <summary>Finished simulations older than this are deleted.</summary>
    public int KeepSimulationsDays { get; set; } = 7;

    public static DecrimOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection("Decrim").Get<DecrimOptions>() ?? new DecrimOptions();
        if (options.Languages.Length == 0) options.Languages = DefaultLanguages;
        options.Validate();
        return options;
    }

    public string CatalogueFolder() => Catalogue ?? Decrim.Catalogue.DefaultFolder();

    public string ScenariosFolder() => Scenarios ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(CatalogueFolder()))!, "scenarios");

    public string DatabaseDescription() => Database.Contains('=') ? "SQLite (" + Database.Split(';')[0] + ")" : "SQLite file " + Path.GetFullPath(Database);

    public void Validate()
    {
        if (MaxBatch < 1 || MaxCompare < 2 || MaxSimulationPopulation < 1 || MaxSimulationReplications < 1 || MaxRequestBytes < 1024)
            throw new InvalidOperationException("Decrim limits must be positive (MaxCompare at least 2, MaxRequestBytes at least 1024).");
    }
}
