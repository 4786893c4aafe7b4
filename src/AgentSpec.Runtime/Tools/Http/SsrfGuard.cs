using System.Net;
using System.Net.Sockets;

namespace AgentSpec.Runtime.Tools.Http;

/// <summary>
/// The HTTP-tool SSRF guard (spec §5.3): loopback, private, link-local (cloud metadata), multicast and reserved addresses,
/// including IPv4 embedded in IPv4-mapped, NAT64 and 6to4 addresses, are blocked unless an allowed CIDR covers them.
/// </summary>
public sealed class SsrfGuard
{
    private static readonly IpNetwork[] Blocked = new[]
    {
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8",
    }.Select(IpNetwork.Parse).ToArray();

    private static readonly IpNetwork Nat64 = IpNetwork.Parse("64:ff9b::/96");
    private static readonly IpNetwork SixToFour = IpNetwork.Parse("2002::/16");
    private readonly IReadOnlyList<IpNetwork> _allowed;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    public SsrfGuard(IReadOnlyList<IpNetwork> allowed, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        _allowed = allowed;
        _resolve = resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct));
    }

    /// <summary>Parses <c>AGENTSPEC_HTTP_ALLOW_PRIVATE</c> (comma-separated CIDRs; <c>*</c> is not accepted).</summary>
    public static IReadOnlyList<IpNetwork> ParseAllowList(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(IpNetwork.Parse).ToList();

    /// <summary>True when <paramref name="address"/> may be connected to.</summary>
    public bool IsAllowed(IPAddress address)
    {
        if (_allowed.Any(n => n.Contains(address))) return true;
        return !IsBlocked(address);
    }

    /// <summary>True for blocked ranges, checking the IPv4 embedded in mapped, NAT64 and 6to4 addresses too.</summary>
    public static bool IsBlocked(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsBlocked(address.MapToIPv4());
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            if (Nat64.Contains(address)) return IsBlocked(new IPAddress(bytes[12..16]));
            if (SixToFour.Contains(address)) return IsBlocked(new IPAddress(bytes[2..6]));
        }
        return Blocked.Any(n => n.Contains(address));
    }

    /// <summary>Resolves <paramref name="host"/> and returns the addresses to connect to; throws <see cref="SsrfBlockedException"/> if any is blocked.</summary>
    public async Task<IPAddress[]> CheckAsync(string host, CancellationToken cancellationToken)
    {
        var name = host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (name == "metadata.google.internal") throw new SsrfBlockedException($"SSRF guard: {host} is a blocked host name");
        IPAddress[] addresses;
        if (IPAddress.TryParse(name, out var literal)) addresses = [literal];
        else if (name == "localhost" || name.EndsWith(".localhost", StringComparison.Ordinal)) addresses = [IPAddress.Loopback, IPAddress.IPv6Loopback];
        else addresses = await _resolve(name, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0) throw new SsrfBlockedException($"SSRF guard: {host} does not resolve");
        foreach (var address in addresses)
        {
            if (!IsAllowed(address)) throw new SsrfBlockedException($"SSRF guard: {host} resolves to blocked address {address}");
        }
        return addresses;
    }
}
