using AgentSpec.Runtime.Configuration;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Hosting;

/// <summary>What a runtime instance serves and how (from the command line, or from a test).</summary>
public sealed class RuntimeServerOptions
{
    public required RuntimeDocument Document { get; init; }
    public required RuntimeEnvironment Environment { get; init; }
    public string? Host { get; init; }
    public int? Port { get; init; }
    public bool RequireAuth { get; init; }
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];
    public required TextWriter LogWriter { get; init; }

    /// <summary>Relative command binaries resolve against this directory (the spec's directory in source mode).</summary>
    public string BaseDirectory { get; init; } = System.Environment.CurrentDirectory;
    /// <summary>Values of a config-params file (source mode): agent → param → value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ConfigParams { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();
    public string? TlsCertificate { get; init; }
    public string? TlsKey { get; init; }
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>The clock of budget periods (tests inject one).</summary>
    public Func<DateTimeOffset>? Clock { get; init; }
}
