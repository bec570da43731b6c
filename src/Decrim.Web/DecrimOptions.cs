namespace Decrim.Web;

/// <summary>The application's settings (section "Decrim" of the configuration). Every default serves the README's main command.</summary>
public sealed class DecrimOptions
{
    /// <summary>Folder of policy files; default: the bundled catalogue.</summary>
    public string? Catalogue { get; set; }
    /// <summary>Folder of simulation scenarios (with reforms/ inside); default: the bundled scenarios.</summary>
    public string? Scenarios { get; set; }
    /// <summary>The database: a SQLite file path or <c>Data Source=…</c> connection string (the default), or PostgreSQL as
    /// <c>postgres://user:password@host:5432/database</c> or <c>Host=…;Database=…</c>. The command line's <c>--database</c> sets it.</summary>
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

    /// <summary>Published figures hide any count from 1 to this minus one (never below <see cref="global::Decrim.Monitoring.Figures.Floor"/>).</summary>
    public int MinimumCellCount { get; set; } = global::Decrim.Monitoring.Figures.DefaultMinimum;
    /// <summary>A quarter's figures are published this many days after it ends, and never change after.</summary>
    public int PublishAfterDays { get; set; } = 30;
    /// <summary>A report's free text is erased this many days (rounded up to the week) after it came in.</summary>
    public int TextRetentionDays { get; set; } = 90;
    /// <summary>Submissions and receipt look-ups allowed per client per hour (clients are told apart by a hash that is never stored, see the privacy page).</summary>
    public int ReportsPerHour { get; set; } = 30;
    /// <summary>Behind a reverse proxy: take the client address from X-Forwarded-For (used only for the rate limit's hash).</summary>
    public bool TrustForwardedHeaders { get; set; }

    public static DecrimOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection("Decrim").Get<DecrimOptions>() ?? new DecrimOptions();
        if (options.Languages.Length == 0) options.Languages = DefaultLanguages;
        options.Validate();
        return options;
    }

    public string CatalogueFolder() => Catalogue ?? Decrim.Catalogue.DefaultFolder();

    public string ScenariosFolder() => Scenarios ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(CatalogueFolder()))!, "scenarios");

    public void Validate()
    {
        if (MaxBatch < 1 || MaxCompare < 2 || MaxSimulationPopulation < 1 || MaxSimulationReplications < 1 || MaxRequestBytes < 1024)
            throw new InvalidOperationException("Decrim limits must be positive (MaxCompare at least 2, MaxRequestBytes at least 1024).");
        if (MinimumCellCount < global::Decrim.Monitoring.Figures.Floor)
            throw new InvalidOperationException($"Decrim:MinimumCellCount is {MinimumCellCount}; published figures never show counts below {(global::Decrim.Monitoring.Figures.Floor)}.");
        if (PublishAfterDays < 0 || TextRetentionDays < 1 || ReportsPerHour < 1)
            throw new InvalidOperationException("Decrim:PublishAfterDays must be 0 or more, TextRetentionDays and ReportsPerHour at least 1.");
    }
}
