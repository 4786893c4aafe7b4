using System.Collections.Concurrent;
using System.Globalization;

namespace AgentSpec.Runtime.Security;

/// <summary>
/// Token buckets per key (or client IP) for <c>AGENTSPEC_RATE_LIMIT=rps[:burst]</c> (spec §7.1); idle buckets are dropped
/// after 10 minutes and at most 10 000 are kept (least recently used dropped).
/// </summary>
public sealed class RateLimiter
{
    private const int MaxBuckets = 10_000;
    private static readonly TimeSpan IdleExpiry = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly double _rate;
    private readonly double _burst;
    private readonly Func<DateTimeOffset> _clock;

    public RateLimiter(double rate, double burst, Func<DateTimeOffset>? clock = null)
    {
        _rate = rate;
        _burst = burst;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>Parses <c>rps[:burst]</c> (burst default 2 × rps); null when unset.</summary>
    public static RateLimiter? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parts = value.Split(':');
        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate <= 0
            || parts.Length > 2)
        {
            throw new FormatException($"AGENTSPEC_RATE_LIMIT: expected rps[:burst], found \"{value}\"");
        }
        var burst = rate * 2;
        if (parts.Length == 2 && (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out burst) || burst < 1))
        {
            throw new FormatException($"AGENTSPEC_RATE_LIMIT: invalid burst in \"{value}\"");
        }
        return new RateLimiter(rate, burst);
    }

    /// <summary>Takes one token; returns null when allowed, else the whole seconds until one token is available.</summary>
    public int? TryTake(string key)
    {
        var now = _clock();
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(_burst, now));
        int? wait;
        lock (bucket)
        {
            bucket.Tokens = Math.Min(_burst, bucket.Tokens + (now - bucket.Updated).TotalSeconds * _rate);
            bucket.Updated = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                wait = null;
            }
            else
            {
                wait = Math.Max(1, (int)Math.Ceiling((1 - bucket.Tokens) / _rate));
            }
        }
        if (_buckets.Count > MaxBuckets) Trim(now);
        return wait;
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, bucket) in _buckets)
        {
            if (now - bucket.Updated > IdleExpiry) _buckets.TryRemove(key, out _);
        }
        var excess = _buckets.Count - MaxBuckets;
        if (excess <= 0) return;
        foreach (var key in _buckets.OrderBy(b => b.Value.Updated).Take(excess).Select(b => b.Key).ToList()) _buckets.TryRemove(key, out _);
    }

    private sealed class Bucket(double tokens, DateTimeOffset updated)
    {
        public double Tokens { get; set; } = tokens;
        public DateTimeOffset Updated { get; set; } = updated;
    }
}
