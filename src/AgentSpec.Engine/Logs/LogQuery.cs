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

    /// <summary>After the existing records, keeps streaming new ones until cancelled.</summary>
    public bool Follow { get; init; }

    /// <summary>The existing records this query keeps, oldest first: <see cref="Since"/>, then <see cref="Agent"/>, then <see cref="Tail"/>.</summary>
    public List<LogRecord> Select(IEnumerable<LogRecord> records)
    {
        var kept = new List<LogRecord>();
        var previousKept = Since is null;
        foreach (var record in records)
        {
            var keep = Since is not { } since || (record.Time is { } time ? time >= since : previousKept);
            previousKept = keep;
            if (keep && Keeps(record))
            {
                kept.Add(record);
            }
        }

        return Tail > 0 && kept.Count > Tail ? kept.GetRange(kept.Count - Tail, Tail) : kept;
    }

    /// <summary>Whether a followed (new) record passes the <see cref="Agent"/> filter.</summary>
    public bool Keeps(LogRecord record) => Agent is null || (record.Agent is { } agent && Agent(agent));
}
