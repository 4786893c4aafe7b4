using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Secrets;

namespace AgentSpec.Engine.Logs;

/// <summary>
/// Turns one line of the runtime's log (runtime spec §6.1: <c>LOG_FORMAT=json</c> objects or
/// <c>LOG_FORMAT=text</c> lines <c>TIME LEVEL message key=value…</c>) into a <see cref="LogRecord"/>. The line is
/// redacted before it is parsed, and every parsed string again, so no registered secret value survives.
/// </summary>
public static class RuntimeLogParser
{
    /// <summary>
    /// A line read with a timestamp prefix (<c>2026-12-04T23:50:36.077588800Z line</c>, as the container and pod log
    /// APIs write with <c>timestamps=true</c>): the prefix is removed and used when the line itself carries no time.
    /// </summary>
    public static LogRecord ParseTimestamped(string line, string source, string stream, Redactor redactor)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !DateTimeOffset.TryParse(line.AsSpan(0, space), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp))
        {
            return Parse(line, source, stream, redactor);
        }

        var record = Parse(line[(space + 1)..], source, stream, redactor);
        return record.Time is not null ? record : new LogRecord
        {
            Time = stamp,
            Source = record.Source,
            Stream = record.Stream,
            Level = record.Level,
            Message = record.Message,
            CorrelationId = record.CorrelationId,
            Agent = record.Agent,
            Fields = record.Fields,
            Raw = record.Raw,
        };
    }

    public static LogRecord Parse(string line, string source, string stream, Redactor redactor)
    {
        var raw = redactor.Redact(line);
        var trimmed = raw.TrimStart();
        if (trimmed.StartsWith('{') && TryJson(trimmed) is { } json)
        {
            var fields = new Hashtable(StringComparer.Ordinal);
            foreach (var (name, value) in json)
            {
                fields[name] = Convert(value, redactor);
            }

            return new LogRecord
            {
                Time = Time(json["timestamp"] is JsonValue t && t.TryGetValue<string>(out var text) ? text : null),
                Source = source,
                Stream = stream,
                Level = Text(json["level"], redactor)?.ToLowerInvariant(),
                Message = Text(json["message"], redactor) ?? string.Empty,
                CorrelationId = Text(json["correlation_id"], redactor),
                Agent = Text(json["agent"], redactor),
                Fields = fields,
                Raw = raw,
            };
        }

        return ParseText(raw, source, stream);
    }

    private static LogRecord ParseText(string raw, string source, string stream)
    {
        var parts = raw.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        var time = parts.Length > 0 ? Time(parts[0]) : null;
        if (time is null || parts.Length < 2)
        {
            return new LogRecord { Source = source, Stream = stream, Message = raw, Raw = raw };
        }

        var rest = parts.Length > 2 ? parts[2].TrimStart() : string.Empty;
        var (message, fields) = SplitFields(rest);
        return new LogRecord
        {
            Time = time,
            Source = source,
            Stream = stream,
            Level = parts[1].ToLowerInvariant(),
            Message = message,
            CorrelationId = fields["correlation_id"] as string,
            Agent = fields["agent"] as string,
            Fields = fields,
            Raw = raw,
        };
    }

    /// <summary>The message runs until the first <c>key=</c> token; the rest are fields (values may be quoted).</summary>
    private static (string Message, Hashtable Fields) SplitFields(string text)
    {
        var fields = new Hashtable(StringComparer.Ordinal);
        var tokens = Tokens(text);
        var first = tokens.FindIndex(t => KeyOf(t.Text) is not null);
        if (first < 0)
        {
            return (text, fields);
        }

        foreach (var (token, _) in tokens.Skip(first))
        {
            if (KeyOf(token) is { } key)
            {
                var value = token[(key.Length + 1)..];
                fields[key] = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : value;
            }
        }

        return (text[..tokens[first].Start].TrimEnd(), fields);
    }

    private static string? KeyOf(string token)
    {
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || !(char.IsLetter(token[0]) || token[0] == '_'))
        {
            return null;
        }

        var key = token[..equals];
        return key.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '-') ? key : null;
    }

    /// <summary>Space-separated tokens; a double-quoted stretch (with <c>\"</c> escapes) stays in one token.</summary>
    private static List<(string Text, int Start)> Tokens(string text)
    {
        var tokens = new List<(string, int)>();
        var current = new StringBuilder();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    tokens.Add((current.ToString(), start));
                    current.Clear();
                }

                continue;
            }

            if (current.Length == 0)
            {
                start = i;
            }

            if (c == '"' && (i == 0 || text[i - 1] != '\\'))
            {
                quoted = !quoted;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            tokens.Add((current.ToString(), start));
        }

        return tokens;
    }

    private static JsonObject? TryJson(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset? Time(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    private static string? Text(JsonNode? node, Redactor redactor) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => redactor.Redact(text),
        _ => redactor.Redact(node.ToJsonString()),
    };

    /// <summary>JSON to PowerShell-friendly values: strings, long/double, bool, Hashtable, object[].</summary>
    private static object? Convert(JsonNode? node, Redactor redactor)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var table = new Hashtable(StringComparer.Ordinal);
                foreach (var (name, value) in obj)
                {
                    table[name] = Convert(value, redactor);
                }

                return table;
            case JsonArray array:
                return array.Select(item => Convert(item, redactor)).ToArray();
        }

        var element = node.GetValue<JsonElement>();
        return element.ValueKind switch
        {
            JsonValueKind.String => redactor.Redact(element.GetString() ?? string.Empty),
            JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : element.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }
}
