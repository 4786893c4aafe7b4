using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentSpec.Runtime.Strategies;

/// <summary>Splits map-reduce input into chunks (spec §4.7 step 1).</summary>
public static partial class InputSplitter
{
    public const int MaxChunks = 32;

    [GeneratedRegex(@"\n[ \t\r\f\v]*\n")]
    private static partial Regex BlankLine();

    public static List<string> Split(string input)
    {
        var chunks = TryJsonArray(input) ?? BlankLine().Split(input).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (chunks.Count <= MaxChunks) return chunks;
        var merged = new List<string>();
        for (var g = 0; g < MaxChunks; g++)
        {
            var from = g * chunks.Count / MaxChunks;
            var to = (g + 1) * chunks.Count / MaxChunks;
            merged.Add(string.Join("\n\n", chunks.Skip(from).Take(to - from)));
        }
        return merged;
    }

    private static List<string>? TryJsonArray(string input)
    {
        var trimmed = input.TrimStart();
        if (!trimmed.StartsWith('[')) return null;
        try
        {
            using var doc = JsonDocument.Parse(input);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return null;
            return doc.RootElement.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText()).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
