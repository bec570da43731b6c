namespace Decrim.Tests.Cli;

/// <summary>The `decrim` command run in-process against the real catalogue, capturing its exit code, output and errors.</summary>
internal static class Command
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Decrim.Cli.Cli.Run([.. args, "--catalogue", Repo.Policies], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
