namespace AgentSpec.Diagnostics;

/// <summary>The did-you-mean hint of language spec §4.5.</summary>
public static class DidYouMean
{
    /// <summary>The closest candidate within the distance bound, or null.</summary>
    public static string? Closest(string written, IEnumerable<string> candidates)
    {
        var lowered = written.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.OrderBy(c => c, StringComparer.Ordinal))
        {
            var distance = Levenshtein(lowered, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        var bound = Math.Max(1, written.Length / 3);
        return best is not null && bestDistance <= bound && bestDistance < written.Length ? best : null;
    }

    /// <summary>
    /// <c>did you mean "c"?</c>, else <c>available: a, b</c> (or <paramref name="listPrefix"/>), else
    /// <paramref name="whenEmpty"/> when there are no candidates.
    /// </summary>
    public static string? Hint(string written, IReadOnlyCollection<string> candidates, string listPrefix = "available", string? whenEmpty = null)
    {
        if (candidates.Count == 0)
        {
            return whenEmpty;
        }

        var closest = Closest(written, candidates);
        if (closest is not null)
        {
            return $"did you mean \"{closest}\"?";
        }

        var ordered = candidates.OrderBy(c => c, StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", ordered.Take(10));
        return $"{listPrefix}: {shown}{(ordered.Count > 10 ? ", …" : string.Empty)}";
    }

    public static int Levenshtein(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
