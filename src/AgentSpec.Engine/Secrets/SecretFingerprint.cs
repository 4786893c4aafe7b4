using System.Security.Cryptography;
using System.Text;

namespace AgentSpec.Engine.Secrets;

/// <summary>
/// Secret fingerprints (deployment spec §3.4): <c>hmac-sha256:</c> + hex(HMAC-SHA256(salt, "agentspec/v1\n" + name + "\n" + value)).
/// The salt belongs to the state lineage, so a rotated value shows as a change without the value ever being stored.
/// </summary>
public static class SecretFingerprint
{
    public const string Prefix = "hmac-sha256:";

    public static string Compute(byte[] salt, string secretName, string value)
    {
        var message = Encoding.UTF8.GetBytes("agentspec/v1\n" + secretName + "\n" + value);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(salt, message));
    }

    /// <summary>32 random bytes, base64 (44 characters).</summary>
    public static string NewSalt() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
