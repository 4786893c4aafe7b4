namespace AgentSpec.Runtime.Logging;

/// <summary>Parses <c>LOG_LEVEL</c> and <c>LOG_FORMAT</c> (runtime spec §1.4).</summary>
public static class LogLevelParser
{
    public static bool TryParseLevel(string? text, out RuntimeLogLevel level)
    {
        level = RuntimeLogLevel.Info;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "": return true;
            case "debug": level = RuntimeLogLevel.Debug; return true;
            case "info": level = RuntimeLogLevel.Info; return true;
            case "warn" or "warning": level = RuntimeLogLevel.Warn; return true;
            case "error": level = RuntimeLogLevel.Error; return true;
            default: return false;
        }
    }

    /// <summary>True for json; false for text; null for an invalid value.</summary>
    public static bool? ParseJsonFormat(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "text" => false,
        "json" => true,
        _ => null,
    };
}
