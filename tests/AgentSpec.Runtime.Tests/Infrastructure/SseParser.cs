using System.Text.Json.Nodes;

namespace AgentSpec.Runtime.Tests.Infrastructure;

/// <summary>Parses a complete server-sent-events body into (event, data) pairs; comment lines are skipped.</summary>
public static class SseParser
{
    public static List<(string Event, JsonObject Data)> Parse(string text)
    {
        var events = new List<(string, JsonObject)>();
        foreach (var block in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            string? data = null;
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith(':')) continue;
                if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            }
            if (name is not null && data is not null) events.Add((name, JsonNode.Parse(data)?.AsObject() ?? new JsonObject()));
        }
        return events;
    }
}
