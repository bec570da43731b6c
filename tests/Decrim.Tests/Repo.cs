namespace Decrim.Tests;

/// <summary>Paths into the repository, found from the test binary upwards, so tests read the real catalogue.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string Policies => Path.Combine(Root, "policies");
    public static string Fixtures => Path.Combine(Root, "tests", "Decrim.Tests", "Policies", "Fixtures");

    public static Catalogue Catalogue { get; } = new(Policies);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Decrim.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Decrim.slnx) above " + AppContext.BaseDirectory);
    }
}
