using System.Net;
using System.Security.Cryptography;

namespace Decrim.Web.Monitoring;

/// <summary>
/// Tells clients apart for the rate limit without knowing who they are: the HMAC of the client's address under a random
/// salt that lives only in this process's memory and is replaced every <see cref="Rotation"/>. The address itself is
/// never stored or logged; the tag cannot be turned back into it, and after a rotation cannot be linked to the old one.
/// Each instance has its own salt, so each limits on its own; nothing about clients is shared or persisted.
/// </summary>
public sealed class ClientTag(TimeProvider clock)
{
    public static readonly TimeSpan Rotation = TimeSpan.FromHours(24);

    private readonly Lock _lock = new();
    private byte[] _salt = RandomNumberGenerator.GetBytes(32);
    private DateTimeOffset _rotated = clock.GetUtcNow();

    public string Of(IPAddress? address)
    {
        byte[] salt;
        lock (_lock)
        {
            if (clock.GetUtcNow() - _rotated >= Rotation)
            {
                _salt = RandomNumberGenerator.GetBytes(32);
                _rotated = clock.GetUtcNow();
            }
            salt = _salt;
        }
        var bytes = address?.MapToIPv6().GetAddressBytes() ?? [];
        return Convert.ToBase64String(HMACSHA256.HashData(salt, bytes), 0, 16);
    }
}
