using System.Collections.Concurrent;
using System.Net.Sockets;
using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Providers;

namespace AgentSpec.Runtime.Health;

/// <summary>
/// <c>AGENTSPEC_HEALTH_PROBE_PROVIDERS=true</c> (spec §2.5): a TCP connect (2 s) to each provider base URL, refreshed
/// every 60 s; failures only degrade health (<c>warn</c>), so a provider outage never restarts pods.
/// </summary>
public sealed class ProviderProbe : IDisposable
{
    private readonly RuntimeEnvironment _env;
    private readonly IReadOnlyList<ModelRoute> _routes;
    private readonly ConcurrentDictionary<string, string?> _results = new(StringComparer.Ordinal);
    private readonly Timer _timer;

    public ProviderProbe(RuntimeEnvironment env, IReadOnlyList<ModelRoute> routes, Action refreshed)
    {
        _env = env;
        _routes = routes;
        _timer = new Timer(_ => _ = ProbeAllAsync(refreshed), null, TimeSpan.Zero, TimeSpan.FromSeconds(60));
    }

    /// <summary>Null when the route's endpoint answered the last probe (or was not probed yet), else why not.</summary>
    public string? Problem(ModelRoute route) => BaseUrl(route) is { } url && _results.TryGetValue(url, out var problem) ? problem : null;

    public string? BaseUrl(ModelRoute route) => route.Provider switch
    {
        ProviderKind.Anthropic => _env.Get("ANTHROPIC_BASE_URL") ?? "https://api.anthropic.com",
        ProviderKind.OpenAI => _env.Get("OPENAI_BASE_URL") ?? "https://api.openai.com/v1",
        ProviderKind.OpenAICompatible => _env.Get("OPENAI_BASE_URL"),
        ProviderKind.Ollama => ProviderFactories.OllamaBaseUrl(_env.Get("OLLAMA_HOST")),
        _ => null,
    };

    private async Task ProbeAllAsync(Action refreshed)
    {
        var urls = _routes.Select(BaseUrl).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        await Task.WhenAll(urls.Select(async url => _results[url] = await ProbeAsync(url).ConfigureAwait(false))).ConfigureAwait(false);
        refreshed();
    }

    private static async Task<string?> ProbeAsync(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return $"invalid base URL {url}";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(uri.Host, uri.Port, timeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException)
        {
            return $"{uri.Host}:{uri.Port} unreachable (timeout)";
        }
        catch (SocketException ex)
        {
            return $"{uri.Host}:{uri.Port} unreachable ({ex.SocketErrorCode})";
        }
    }

    public void Dispose() => _timer.Dispose();
}
