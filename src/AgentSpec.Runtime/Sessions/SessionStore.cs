using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AgentSpec.Runtime.Sessions;

/// <summary>Sessions of one runtime: idle expiry, a cap with LRU eviction of idle sessions (spec §4.12).</summary>
public sealed partial class SessionStore
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly TimeSpan _ttl;
    private readonly int _max;
    private readonly Action<string, double> _gauge;

    public SessionStore(TimeSpan ttl, int max, Action<string, double> gauge)
    {
        _ttl = ttl;
        _max = max;
        _gauge = gauge;
    }

    [GeneratedRegex("^sess_[A-Za-z0-9_-]{22}$")]
    private static partial Regex IdPattern();

    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return "sess_" + Base64Url.EncodeToString(bytes);
    }

    /// <summary>Creates a session, evicting the least recently used idle one at the cap; null when none is idle.</summary>
    public Session? Create(string agent, IReadOnlyDictionary<string, string> metadata, IReadOnlyDictionary<string, string> variables)
    {
        if (_sessions.Count >= _max)
        {
            var victim = _sessions.Values.Where(s => !s.IsBusy).OrderBy(s => s.LastActiveAt).FirstOrDefault();
            if (victim is null) return null;
            Remove(victim);
        }
        var session = new Session(NewId(), agent, DateTimeOffset.UtcNow, metadata, variables);
        _sessions[session.Id] = session;
        UpdateGauge(agent);
        return session;
    }

    /// <summary>The live session of <paramref name="agent"/> with this ID, else null (bad ID, expired, other agent).</summary>
    public Session? Find(string agent, string id)
    {
        if (!IdPattern().IsMatch(id) || !_sessions.TryGetValue(id, out var s) || s.Agent != agent) return null;
        if (DateTimeOffset.UtcNow - s.LastActiveAt > _ttl && !s.IsBusy)
        {
            Remove(s);
            return null;
        }
        return s;
    }

    public bool Delete(string agent, string id)
    {
        var s = Find(agent, id);
        if (s is null) return false;
        Remove(s);
        return true;
    }

    public IReadOnlyList<Session> List(string agent) =>
        _sessions.Values.Where(s => s.Agent == agent && DateTimeOffset.UtcNow - s.LastActiveAt <= _ttl)
            .OrderByDescending(s => s.CreatedAt).ToList();

    public int Count(string agent) => _sessions.Values.Count(s => s.Agent == agent);

    /// <summary>Deletes expired sessions; returns (evicted, active).</summary>
    public (int Evicted, int Active) Sweep()
    {
        var evicted = 0;
        foreach (var s in _sessions.Values)
        {
            if (!s.IsBusy && DateTimeOffset.UtcNow - s.LastActiveAt > _ttl)
            {
                Remove(s);
                evicted++;
            }
        }
        return (evicted, _sessions.Count);
    }

    private void Remove(Session s)
    {
        if (_sessions.TryRemove(s.Id, out _)) UpdateGauge(s.Agent);
    }

    private void UpdateGauge(string agent) => _gauge(agent, Count(agent));
}
