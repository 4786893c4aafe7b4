namespace AgentSpec.Runtime.Cli;

/// <summary>The options of <c>agentspec run</c> (spec §1.1).</summary>
public sealed class RunOptions
{
    public string? Source { get; set; }
    public string? Deploy { get; set; }
    public string? Environment { get; set; }
    public int? Port { get; set; }
    public string? Host { get; set; }
    public string? Config { get; set; }
    public bool Watch { get; set; }
    public bool RequireAuth { get; set; }
    public List<string> CorsOrigins { get; } = new();
    public string? TlsCert { get; set; }
    public string? TlsKey { get; set; }
    public string? LogFile { get; set; }
    public bool Detached { get; set; }
    public string? StopFile { get; set; }
    public string? WatchHealth { get; set; }
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan WatchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public static RunOptions Parse(string[] args)
    {
        var o = new RunOptions();
        var reader = new ArgumentReader(args, 1);
        while (!reader.Done)
        {
            var arg = reader.Next(out var inline);
            switch (arg)
            {
                case "--deploy": o.Deploy = reader.Value(arg, inline); break;
                case "--env": o.Environment = reader.Value(arg, inline); break;
                case "--port": o.Port = reader.Port(arg, inline); break;
                case "--host": o.Host = reader.Value(arg, inline); break;
                case "--config": o.Config = reader.Value(arg, inline); break;
                case "--watch": o.Watch = true; break;
                case "--require-auth": o.RequireAuth = true; break;
                case "--cors-origins":
                    o.CorsOrigins.AddRange(reader.Value(arg, inline).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "--tls-cert": o.TlsCert = reader.Value(arg, inline); break;
                case "--tls-key": o.TlsKey = reader.Value(arg, inline); break;
                case "--log-file": o.LogFile = reader.Value(arg, inline); break;
                case "--detached": o.Detached = true; break;
                case "--stop-file": o.StopFile = reader.Value(arg, inline); break;
                case "--watch-health": o.WatchHealth = reader.Value(arg, inline); break;
                case "--watch-interval": o.WatchInterval = Duration(arg, reader.Value(arg, inline)); break;
                case "--watch-timeout": o.WatchTimeout = Duration(arg, reader.Value(arg, inline)); break;
                default:
                    if (arg.StartsWith('-')) throw new UsageException($"run: unknown option \"{arg}\"");
                    if (o.Source is not null) throw new UsageException($"run: more than one source given (\"{o.Source}\", \"{arg}\")");
                    o.Source = arg;
                    break;
            }
        }
        if ((o.TlsCert is null) != (o.TlsKey is null)) throw new UsageException("--tls-cert and --tls-key go together");
        if (o.Host is not null && o.Host != "localhost" && !System.Net.IPAddress.TryParse(o.Host, out _))
        {
            throw new UsageException($"--host: \"{o.Host}\" is not an IP address");
        }
        return o;
    }

    private static TimeSpan Duration(string option, string text) =>
        AgentSpec.RuntimeModel.DurationText.TryParse(text, out var value) && value > TimeSpan.Zero
            ? value
            : throw new UsageException($"{option}: invalid duration \"{text}\"");
}
