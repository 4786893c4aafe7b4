using System.Security.Cryptography;
using System.Text;

namespace AgentSpec.Runtime.Tools;

/// <summary>Provider tool names (spec §3.3): characters outside <c>[A-Za-z0-9_-]</c> → <c>_</c>; long names hashed.</summary>
public static class ToolNameSanitizer
{
    public static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        var result = sb.ToString();
        return result.Length > 64 ? Hashed(name, result) : result;
    }

    /// <summary>The collision/length form: first 55 characters + <c>_</c> + 8 hex of SHA-256 of the original.</summary>
    public static string Hashed(string original, string sanitized) =>
        sanitized[..Math.Min(55, sanitized.Length)] + "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(original)))[..8];
}
