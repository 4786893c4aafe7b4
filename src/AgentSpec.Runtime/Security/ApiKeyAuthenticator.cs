using System.Security.Cryptography;
using System.Text;

namespace AgentSpec.Runtime.Security;

/// <summary>
/// Checks presented API keys (runtime spec §2.2): SHA-256 of presented and expected keys compared in constant time
/// against every configured key, without early exit.
/// </summary>
public sealed class ApiKeyAuthenticator
{
    private readonly List<(byte[] Hash, ApiPrincipal Principal)> _keys = new();

    public bool Enabled => _keys.Count > 0;

    public void Add(string key, ApiPrincipal principal) => _keys.Add((SHA256.HashData(Encoding.UTF8.GetBytes(key)), principal));

    /// <summary>The principal of the matching key, or null.</summary>
    public ApiPrincipal? Authenticate(string? presented)
    {
        if (presented is null) return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiPrincipal? found = null;
        foreach (var (expected, principal) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected) && found is null) found = principal;
        }
        return found;
    }

    /// <summary>First 8 hex digits of the SHA-256 of a key: how keys are named in logs.</summary>
    public static string KeyId(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
}
