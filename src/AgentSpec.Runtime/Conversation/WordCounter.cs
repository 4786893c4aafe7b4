namespace AgentSpec.Runtime.Conversation;

/// <summary>Counts words = maximal runs of non-whitespace (mock provider token counting, spec §3.7).</summary>
public static class WordCounter
{
    public static long Count(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        long count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; count++; }
        }
        return count;
    }
}
