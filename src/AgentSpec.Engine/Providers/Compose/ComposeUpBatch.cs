namespace AgentSpec.Engine.Providers.Compose;

/// <summary>
/// Serialises the compose calls of one apply and merges the <c>up</c> requests that queue up while a call runs: the
/// services the applier has started in parallel (independent ones of the same dependency level, deployment spec §6.2)
/// are brought up by one <c>up -d --no-deps --no-build … svc1 svc2 …</c> instead of one compose process each. Requests
/// are merged only when they share the key (project folder, project, <c>--force-recreate</c> or not); each caller gets
/// the run that carried its service.
/// </summary>
internal sealed class ComposeUpBatch : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly object _queueLock = new();
    private readonly List<Request> _queue = new();

    /// <param name="key">Requests with equal keys may share one call.</param>
    /// <param name="service">The service to bring up.</param>
    /// <param name="run">Runs the call for the given services (the first queued request's function runs for its group).</param>
    public async Task<ComposeRun> UpAsync(string key, string service, Func<IReadOnlyList<string>, Task<ComposeRun>> run, CancellationToken cancellation)
    {
        var request = new Request(key, service, run);
        lock (_queueLock)
        {
            _queue.Add(request);
        }

        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (!request.Result.Task.IsCompleted)
            {
                await RunQueuedAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }

        return await request.Result.Task.ConfigureAwait(false);
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Takes every queued request and runs one call per key, in queue order of the keys.</summary>
    private async Task RunQueuedAsync()
    {
        List<Request> taken;
        lock (_queueLock)
        {
            taken = _queue.ToList();
            _queue.Clear();
        }

        foreach (var group in taken.GroupBy(r => r.Key, StringComparer.Ordinal))
        {
            var requests = group.ToList();
            try
            {
                var result = await requests[0].Run(requests.Select(r => r.Service).Distinct(StringComparer.Ordinal).ToList()).ConfigureAwait(false);
                requests.ForEach(r => r.Result.TrySetResult(result));
            }
            catch (Exception exception)
            {
                requests.ForEach(r => r.Result.TrySetException(exception));
            }
        }
    }

    private sealed record Request(string Key, string Service, Func<IReadOnlyList<string>, Task<ComposeRun>> Run)
    {
        public TaskCompletionSource<ComposeRun> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
