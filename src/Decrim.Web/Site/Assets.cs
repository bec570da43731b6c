using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;

namespace Decrim.Web.Site;

/// <summary>
/// Serves the front end from inside the assemblies: the app's own scripts and styles (Assets/), the map's atlases and
/// topojson-client (embedded here), and d3 and Observable Plot (embedded in the core for the simulation report). All
/// are installed from npm at pinned versions by the build; nothing is fetched from elsewhere at run time.
/// </summary>
public static class Assets
{
    private static readonly ConcurrentDictionary<string, Asset?> Cache = new(StringComparer.Ordinal);

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);

    public static IResult Serve(string name, HttpContext context)
    {
        var asset = Cache.GetOrAdd(name, Load);
        if (asset is null) return Results.NotFound();
        context.Response.Headers.CacheControl = "public, max-age=3600";
        context.Response.Headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    /// <summary>A URL for an asset that changes when its content does, for pages to link.</summary>
    public static string Url(string name) => Cache.GetOrAdd(name, Load) is { } a ? $"/assets/{name}?v={a.ETag.Trim('"')[..12]}" : $"/assets/{name}";

    private static Asset? Load(string name)
    {
        if (name.Contains('/') || name.Contains('\\') || name.StartsWith('.')) return null;
        var stream = Read(typeof(Assets).Assembly, "Decrim.Web.assets/" + name) ?? Read(typeof(Catalogue).Assembly, "Decrim.frontend/" + name);
        if (stream is null) return null;
        using (stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var type = Path.GetExtension(name) switch
            {
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".json" => "application/json",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            return new Asset(bytes, type, "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..32].ToLowerInvariant() + "\"");
        }
    }

    private static Stream? Read(Assembly assembly, string name) => assembly.GetManifestResourceStream(name);
}
