using System.Security.Cryptography;
using System.Text;

namespace Decrim.Storage.Reports;

/// <summary>
/// Receipt codes and the hashes kept in their place. A receipt is derived from the submission's idempotency key with a
/// secret held in the database (HMAC-SHA-256), so a retried submission gets the same receipt back from any instance
/// while neither the key nor the receipt is ever stored: only their SHA-256 hashes are. Codes are 16 characters of
/// Crockford base 32 (80 bits) in groups of four, without letters that read alike.
/// </summary>
internal static class Receipts
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Derive(byte[] secret, string key)
    {
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(key));
        var sb = new StringBuilder(19);
        ulong bits = 0;
        var have = 0;
        var at = 0;
        while (sb.Length < 19)
        {
            if (have < 5) { bits = (bits << 8) | mac[at++]; have += 8; }
            var v = (int)(bits >> (have - 5)) & 31;
            have -= 5;
            if (sb.Length is 4 or 9 or 14) sb.Append('-');
            sb.Append(Alphabet[v]);
        }
        return sb.ToString();
    }

    /// <summary>The code as typed, read leniently (case, spaces, dashes, O for 0, I and L for 1), then hashed; null when it cannot be a receipt.</summary>
    public static string? Hash(string? receipt)
    {
        var sb = new StringBuilder(16);
        foreach (var ch in (receipt ?? "").ToUpperInvariant())
        {
            var c = ch switch { 'O' => '0', 'I' or 'L' => '1', _ => ch };
            if (c is '-' or ' ') continue;
            if (!Alphabet.Contains(c, StringComparison.Ordinal)) return null;
            sb.Append(c);
        }
        if (sb.Length != 16) return null;
        return Sha256("receipt\n" + sb);
    }

    public static string KeyHash(string key) => Sha256("key\n" + key);

    /// <summary>The body's hash is salted with the key, so a guessed report cannot be confirmed against the table without the key, which is never stored.</summary>
    public static string BodyHash(string key, string canonical) => Sha256(key + "\n" + canonical);

    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();

    public static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
