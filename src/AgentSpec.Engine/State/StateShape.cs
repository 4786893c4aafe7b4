using System.Text.Json;

namespace AgentSpec.Engine.State;

/// <summary>
/// What the top level of a state file is, found in one forward scan that also checks the whole text is valid JSON
/// (deployment spec §4.4): a format-2 document (its <c>formatVersion</c>), or an older form (a bare array, or an
/// object with <c>version</c> and no <c>formatVersion</c>), without building a JSON tree.
/// </summary>
internal readonly record struct StateShape(bool IsLegacy, int? FormatVersion)
{
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    public static StateShape Scan(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read())
        {
            throw new JsonException("the file is empty");
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Skip();
            End(ref reader);
            return new StateShape(true, null);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            End(ref reader);
            return new StateShape(false, null);
        }

        int? formatVersion = null;
        var hasFormatVersion = false;
        var hasVersion = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isFormatVersion = reader.ValueTextEquals("formatVersion"u8);
            hasVersion |= reader.ValueTextEquals("version"u8);
            reader.Read();
            if (isFormatVersion)
            {
                hasFormatVersion = true;
                formatVersion = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : null;
            }

            reader.Skip();
        }

        End(ref reader);
        return new StateShape(hasVersion && !hasFormatVersion, formatVersion);
    }

    /// <summary>Only whitespace may follow the top-level value.</summary>
    private static void End(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException($"unexpected content after the top-level value at byte {reader.TokenStartIndex}");
        }
    }
}
