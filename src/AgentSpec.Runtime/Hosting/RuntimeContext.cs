using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Logging;
using AgentSpec.Runtime.Metrics;
using AgentSpec.Runtime.Providers;
using AgentSpec.Runtime.Security;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Hosting;

/// <summary>The shared services of one runtime instance (one served document).</summary>
public sealed class RuntimeContext
{
    public required RuntimeDocument Document { get; init; }
    public required RuntimeEnvironment Environment { get; init; }
    public required RuntimeSettings Settings { get; init; }
    public required RuntimeLog Log { get; init; }
    public required RuntimeMetrics Metrics { get; init; }
    public required SecretRedactor Redactor { get; init; }
    public required ProviderRegistry Providers { get; init; }
    public required Providers.Mock.MockScriptBook MockScripts { get; init; }

    /// <summary>Values of a config-params file (source mode): agent → param → value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ConfigParams { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Agent spend per budget period (set once the context exists).</summary>
    public Execution.BudgetTracker? Budgets { get; set; }

    /// <summary>Cancelled when the shutdown drain bound passes: in-flight work is then cancelled.</summary>
    public CancellationTokenSource ShutdownCancellation { get; init; } = new();

    /// <summary><c>AGENTSPEC_LOG_CONTENT</c>: log prompts, outputs and tool inputs/outputs at debug (redacted).</summary>
    public bool LogContent { get; init; }

    /// <summary>Delays of retries and backoffs; tests may replace it.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;
}
