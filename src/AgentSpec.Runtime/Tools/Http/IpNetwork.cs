using System.Net;
using System.Net.Sockets;

namespace AgentSpec.Runtime.Tools.Http;

/// <summary>A CIDR range (<c>10.0.0.0/8</c>, <c>fc00::/7</c>).</summary>
public sealed record IpNetwork(IPAddress Prefix, int Length)
{
    public static IpNetwork Parse(string cidr)
    {
        var slash = cidr.IndexOf('/');
        if (slash < 0 || !IPAddress.TryParse(cidr[..slash], out var address) || !int.TryParse(cidr[(slash + 1)..], out var length)
            || length < 0 || length > (address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
        {
            throw new FormatException($"invalid CIDR \"{cidr}\"");
        }
        return new IpNetwork(address, length);
    }

    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily != Prefix.AddressFamily) return false;
        var a = address.GetAddressBytes();
        var p = Prefix.GetAddressBytes();
        var bits = Length;
        for (var i = 0; i < a.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((a[i] & mask) != (p[i] & mask)) return false;
        }
        return true;
    }

    public override string ToString() => $"{Prefix}/{Length}";
}
