using System.Net;
using AgentSpec.Runtime.Tools.Http;
using Xunit;

namespace AgentSpec.Runtime.Tests.Tools;

public sealed class SsrfGuardTests
{
    [Theory]
    [InlineData("0.1.2.3")]
    [InlineData("10.1.2.3")]
    [InlineData("100.64.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.8")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]
    [InlineData("224.0.0.1")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("2002:7f00:0001::1")]
    [InlineData("2002:c0a8:0101::")]
    public void Blocks_private_loopback_metadata_and_embedded_addresses(string address) =>
        Assert.True(SsrfGuard.IsBlocked(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:0808:0808::1")]
    public void Allows_public_addresses(string address) => Assert.False(SsrfGuard.IsBlocked(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://2130706433/x")]
    [InlineData("http://0x7f000001/x")]
    [InlineData("http://0177.0.0.1/x")]
    [InlineData("http://127.1/x")]
    [InlineData("http://[::ffff:7f00:1]/x")]
    public async Task Ip_literals_in_any_notation_are_checked(string url)
    {
        var guard = new SsrfGuard([], (_, _) => throw new InvalidOperationException("no DNS for literals"));
        var ex = await Assert.ThrowsAsync<SsrfBlockedException>(() => guard.CheckAsync(new Uri(url).Host, CancellationToken.None));
        Assert.StartsWith("SSRF guard:", ex.Message);
    }

    [Fact]
    public async Task Host_names_are_resolved_and_any_blocked_address_refuses()
    {
        var guard = new SsrfGuard([], (host, _) => Task.FromResult(host == "rebind.test"
            ? new[] { IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.5") }
            : new[] { IPAddress.Parse("93.184.216.34") }));
        var ex = await Assert.ThrowsAsync<SsrfBlockedException>(() => guard.CheckAsync("rebind.test", CancellationToken.None));
        Assert.Equal("SSRF guard: rebind.test resolves to blocked address 10.0.0.5", ex.Message);
        Assert.Single(await guard.CheckAsync("public.test", CancellationToken.None));
        await Assert.ThrowsAsync<SsrfBlockedException>(() => guard.CheckAsync("metadata.google.internal", CancellationToken.None));
        await Assert.ThrowsAsync<SsrfBlockedException>(() => guard.CheckAsync("localhost", CancellationToken.None));
        await Assert.ThrowsAsync<SsrfBlockedException>(() => guard.CheckAsync("api.localhost", CancellationToken.None));
    }

    [Fact]
    public void Allow_list_takes_cidrs_only()
    {
        var guard = new SsrfGuard(SsrfGuard.ParseAllowList("127.0.0.2/32, 10.0.0.0/8"));
        Assert.True(guard.IsAllowed(IPAddress.Parse("127.0.0.2")));
        Assert.False(guard.IsAllowed(IPAddress.Parse("127.0.0.3")));
        Assert.True(guard.IsAllowed(IPAddress.Parse("10.9.9.9")));
        Assert.Throws<FormatException>(() => SsrfGuard.ParseAllowList("*"));
        Assert.Throws<FormatException>(() => SsrfGuard.ParseAllowList("127.0.0.1"));
    }
}
