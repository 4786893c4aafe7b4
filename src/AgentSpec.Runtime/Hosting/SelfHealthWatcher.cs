using AgentSpec.Runtime.Logging;

namespace AgentSpec.Runtime.Hosting;

/// <summary>
/// <c>--watch-health</c> (spec §1.1): the runtime GETs its own health path every interval and logs WARN
/// <c>health check failed</c> with the consecutive failure count, then INFO <c>health check recovered</c>. It never
/// restarts anything.
/// </summary>
public sealed class SelfHealthWatcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly Uri _url;
    private readonly RuntimeLog _log;
    private readonly Timer _timer;
    private int _failures;
    private int _running;

    public SelfHealthWatcher(Uri url, TimeSpan interval, TimeSpan timeout, RuntimeLog log)
    {
        _url = url;
        _log = log;
        _client = new HttpClient { Timeout = timeout };
        _timer = new Timer(_ => _ = CheckAsync(), null, interval, interval);
    }

    private async Task CheckAsync()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1) return;
        try
        {
            string? problem;
            try
            {
                using var response = await _client.GetAsync(_url).ConfigureAwait(false);
                problem = (int)response.StatusCode == 200 ? null : $"status {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                problem = ex is TaskCanceledException ? "timeout" : ex.Message;
            }
            if (problem is null)
            {
                if (_failures > 0) _log.Info("health check recovered", new LogField("failures", _failures));
                _failures = 0;
                return;
            }
            _failures++;
            _log.Warn("health check failed", new LogField("failures", _failures), new LogField("error", problem), new LogField("path", _url.AbsolutePath));
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _client.Dispose();
    }
}
