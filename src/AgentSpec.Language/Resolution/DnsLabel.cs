using System.Security.Cryptography;
using System.Text;

namespace AgentSpec.Resolution;

/// <summary><c>dnsLabel(s)</c> of deployment spec §3.1: the unit and object names derived from package and deploy names.</summary>
internal static class DnsLabel
{
    public static string Of(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var mapped = c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' ? c : '-';
            if (mapped == '-' && builder.Length > 0 && builder[^1] == '-')
            {
                continue;
            }

            builder.Append(mapped);
        }

        var label = builder.ToString().Trim('-');
        if (label.Length > 0 && char.IsAsciiDigit(label[0]))
        {
            label = "as-" + label;
        }

        if (label.Length > 63)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..6];
            label = label[..56].TrimEnd('-') + "-" + hash;
        }

        return label;
    }
}
