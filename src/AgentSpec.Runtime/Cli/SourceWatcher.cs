using AgentSpec.Runtime.Hosting;
using AgentSpec.Runtime.Logging;

namespace AgentSpec.Runtime.Cli;

/// <summary>
/// <c>--watch</c> (spec §1.1, source mode): on a change to any <c>.ias</c> file under the spec directory, debounced
/// 200 ms, re-load; a valid result is swapped in, an invalid one is logged at ERROR and the old configuration stays.
/// </summary>
public sealed class SourceWatcher : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private readonly RuntimeServer _server;
    private readonly Func<StringWriter, (RuntimeModel.RuntimeDocument Document, string BaseDirectory)?> _load;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SourceWatcher(string directory, RuntimeServer server, Func<StringWriter, (RuntimeModel.RuntimeDocument, string)?> load)
    {
        _server = server;
        _load = load;
        _timer = new Timer(_ => _ = ReloadAsync(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(directory, "*.ias") { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.EnableRaisingEvents = true;
    }

    private void OnChange(object sender, FileSystemEventArgs e) => _timer.Change(Debounce, Timeout.InfiniteTimeSpan);

    private async Task ReloadAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            using var diagnostics = new StringWriter();
            (RuntimeModel.RuntimeDocument Document, string BaseDirectory)? loaded;
            try
            {
                loaded = _load(diagnostics);
            }
            catch (Exception ex) when (ex is UsageException or ConfigurationException or IOException)
            {
                _server.Log.Error("config reload failed", new LogField("error", ex.Message));
                return;
            }
            if (loaded is null)
            {
                _server.Log.Error("config reload failed", new LogField("diagnostics", diagnostics.ToString().Trim()));
                return;
            }
            try
            {
                await _server.ReloadAsync(loaded.Value.Document).ConfigureAwait(false);
            }
            catch (ConfigurationException ex)
            {
                _server.Log.Error("config reload failed", new LogField("error", ex.Message));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
        _gate.Dispose();
    }
}
