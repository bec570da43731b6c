using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Decrim.Storage.Reviewers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Decrim.Web.Monitoring;

/// <summary>
/// Reviewer accounts: created by an administrator on the server (<c>reviewers add</c>), signed in with a password
/// (ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>: PBKDF2 with HMAC-SHA-512, salted) or, for the API,
/// an API key <c>dk_&lt;id&gt;_&lt;secret&gt;</c> of which only the SHA-256 of the secret is stored.
/// </summary>
public sealed class Reviewers(Organisations organisations)
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    private static readonly PasswordHasher<Organisation> Hasher = new();

    public static string HashPassword(string password) => Hasher.HashPassword(null!, password);

    /// <summary>A new random password: 20 characters from an alphabet without look-alikes.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, 0, (span, _) => { for (var i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]; });
    }

    /// <summary>A new API key and what is stored of it: its id and the hash of its secret.</summary>
    public static (string Key, string Id, string Hash) NewKey()
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"dk_{id}_{secret}", id, KeyHash(secret));
    }

    private static string KeyHash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();
    private static string Base64Url(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The account a login and password belong to, or null (also for a disabled account). Takes as long either way.</summary>
    public Organisation? SignIn(string? login, string? password)
    {
        var org = string.IsNullOrWhiteSpace(login) ? null : organisations.ByLogin(login.Trim());
        var hash = org?.PasswordHash ?? DummyHash.Value;
        var ok = Hasher.VerifyHashedPassword(org!, hash, password ?? "") != PasswordVerificationResult.Failed;
        return ok && org is { Disabled: false } ? org : null;
    }

    private static readonly Lazy<string> DummyHash = new(() => HashPassword(NewPassword()));

    /// <summary>The account of an <c>Authorization: Bearer dk_…</c> header, or null.</summary>
    public Organisation? FromKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer dk_", StringComparison.Ordinal)) return null;
        var parts = header["Bearer dk_".Length..].Split('_', 2);
        if (parts.Length != 2 || parts[0].Length != 10) return null;
        if (organisations.ByKeyId(parts[0]) is not { } found) return null;
        var given = Encoding.ASCII.GetBytes(KeyHash(parts[1]));
        var stored = Encoding.ASCII.GetBytes(found.KeyHash);
        return CryptographicOperations.FixedTimeEquals(given, stored) && !found.Organisation.Disabled ? found.Organisation : null;
    }

    /// <summary>The signed-in account of a page request, read fresh from the database (a disabled account is out at once).</summary>
    public Organisation? FromCookie(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && organisations.ById(id) is { Disabled: false } org ? org : null;

    public static Task SignInCookie(HttpContext context, Organisation org) =>
        context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, org.Id), new Claim(ClaimTypes.Name, org.Login)], Scheme)));
}
