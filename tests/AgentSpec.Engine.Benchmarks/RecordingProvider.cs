using System.Globalization;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.Providers.Process;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Benchmarks;

/// <summary>
/// A real provider's offline identity (process or docker-compose) with an apply that starts nothing: every change
/// succeeds and observes what a started process would (pid, start time, log file), so the real <see cref="Applier"/>
/// records the state a real apply of the 1,000-agent specification writes, without starting 500 runtimes or containers.
/// </summary>
internal sealed class RecordingProvider(ITargetProvider real) : ITargetProvider
{
    private readonly ITargetProvider _real = real;
    private int _pid = 100_000;

    public RecordingProvider()
        : this(new ProcessProvider())
    {
    }

    public string Kind => _real.Kind;

    public JsonObject CurrentEndpoint() => _real.CurrentEndpoint();

    public void Connect()
    {
    }

    public Task<ProviderOutcome> ApplyAsync(ResourceChange change, ApplyContext context, CancellationToken cancellation)
    {
        var observed = new JsonObject();
        if (change.Type == ProcessResources.ProcessType)
        {
            observed["pid"] = Interlocked.Increment(ref _pid);
            observed["startedAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            observed["logFile"] = change.After?["logFile"]?.GetValue<string>();
        }

        return Task.FromResult(ProviderOutcome.Ok(observed, "recorded by the benchmark"));
    }

    public Task<ProviderOutcome> DestroyAsync(ResourceRecord record, ApplyContext context, CancellationToken cancellation) =>
        Task.FromResult(ProviderOutcome.Ok(new JsonObject(), "recorded by the benchmark"));

    public Task<HealthOutcome> WaitHealthyAsync(ResourceChange change, JsonObject observed, ApplyContext context, TimeSpan timeout, CancellationToken cancellation) =>
        Task.FromResult(new HealthOutcome(true, "recorded by the benchmark", TimeSpan.Zero));

    public LiveResource ReadLive(ResourceRecord record, string stateFolder) => _real.ReadLive(record, stateFolder);
}
