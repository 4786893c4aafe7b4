namespace AgentSpec.Engine.Logs;

/// <summary>Which log records <c>Get-AgentSpecLog</c> wants (deployment spec §10.3.13).</summary>
public sealed class LogQuery
{
    /// <summary>The last N records after the other filters; 0 = all.</summary>
    public int Tail { get; init; } = 200;

    /// <summary>Records at or after this time; lines without a time follow the record before them.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Keeps only records whose <c>agent</c> field matches; null = every line.</summary>
    public Func<string, bool>? Agent { get; init; }
}
