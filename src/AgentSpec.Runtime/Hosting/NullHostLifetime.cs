using Microsoft.Extensions.Hosting;

namespace AgentSpec.Runtime.Hosting;

/// <summary>Keeps the generic host from handling signals itself: the runtime's own shutdown (spec §1.6) does that.</summary>
public sealed class NullHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
