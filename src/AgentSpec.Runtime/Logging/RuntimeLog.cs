using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Security;

namespace AgentSpec.Runtime.Logging;

/// <summary>
/// The runtime's log (runtime spec §6.1): one line per record on a writer (stderr or the log file), as JSON or text,
/// with every string passed through the secret redactor. Thread-safe.
/// </summary>
public sealed class RuntimeLog
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TextWriter _writer;
    private readonly object _gate = new();
    private readonly SecretRedactor _redactor;

    public RuntimeLog(TextWriter writer, RuntimeLogLevel minimum, bool json, SecretRedactor redactor)
    {
        _writer = writer;
        Minimum = minimum;
        Json = json;
        _redactor = redactor;
    }

    public RuntimeLogLevel Minimum { get; set; }

    public bool Json { get; set; }

    public bool IsEnabled(RuntimeLogLevel level) => level >= Minimum;

    public void Debug(string message, params LogField[] fields) => Write(RuntimeLogLevel.Debug, message, fields);

    public void Info(string message, params LogField[] fields) => Write(RuntimeLogLevel.Info, message, fields);

    public void Warn(string message, params LogField[] fields) => Write(RuntimeLogLevel.Warn, message, fields);

    public void Error(string message, params LogField[] fields) => Write(RuntimeLogLevel.Error, message, fields);

    public void Write(RuntimeLogLevel level, string message, params LogField[] fields)
    {
        if (level < Minimum) return;
        var timestamp = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var line = Json ? FormatJson(timestamp, level, message, fields) : FormatText(timestamp, level, message, fields);
        lock (_gate)
        {
            _writer.Write(line);
            _writer.Write('\n');
            _writer.Flush();
        }
    }

    private static string LevelName(RuntimeLogLevel level) => level switch
    {
        RuntimeLogLevel.Debug => "debug",
        RuntimeLogLevel.Info => "info",
        RuntimeLogLevel.Warn => "warn",
        _ => "error",
    };

    private string FormatJson(string timestamp, RuntimeLogLevel level, string message, LogField[] fields)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("timestamp", timestamp);
            w.WriteString("level", LevelName(level));
            w.WriteString("message", _redactor.Redact(message));
            foreach (var field in fields)
            {
                if (field.Value is null) continue;
                switch (field.Value)
                {
                    case TokenUsage t:
                        w.WriteStartObject(field.Key);
                        w.WriteNumber("input", t.Input);
                        w.WriteNumber("output", t.Output);
                        w.WriteNumber("total", t.Total);
                        w.WriteEndObject();
                        break;
                    case int i: w.WriteNumber(field.Key, i); break;
                    case long l: w.WriteNumber(field.Key, l); break;
                    case double d: w.WriteNumber(field.Key, d); break;
                    case bool b: w.WriteBoolean(field.Key, b); break;
                    case string text: w.WriteString(field.Key, _redactor.Redact(text)); break;
                    case IEnumerable<string> list:
                        w.WriteStartArray(field.Key);
                        foreach (var item in list) w.WriteStringValue(_redactor.Redact(item));
                        w.WriteEndArray();
                        break;
                    default:
                        w.WriteString(field.Key, _redactor.Redact(Convert.ToString(field.Value, CultureInfo.InvariantCulture) ?? ""));
                        break;
                }
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private string FormatText(string timestamp, RuntimeLogLevel level, string message, LogField[] fields)
    {
        var sb = new StringBuilder(128);
        sb.Append(timestamp).Append(' ').Append(LevelName(level).ToUpperInvariant().PadRight(5)).Append(' ').Append(_redactor.Redact(message));
        foreach (var field in fields)
        {
            switch (field.Value)
            {
                case null: continue;
                case string text:
                    sb.Append(' ').Append(field.Key).Append('=').Append(Quote(_redactor.Redact(text)));
                    break;
                case TokenUsage t:
                    sb.Append(" tokens.input=").Append(t.Input).Append(" tokens.output=").Append(t.Output).Append(" tokens.total=").Append(t.Total);
                    break;
                case IEnumerable<string> list:
                    sb.Append(' ').Append(field.Key).Append('=').Append(Quote(_redactor.Redact(string.Join(",", list))));
                    break;
                case bool b:
                    sb.Append(' ').Append(field.Key).Append('=').Append(b ? "true" : "false");
                    break;
                default:
                    sb.Append(' ').Append(field.Key).Append('=')
                        .Append(Quote(_redactor.Redact(Convert.ToString(field.Value, CultureInfo.InvariantCulture) ?? "")));
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Quote(string value) =>
        value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || c == '"')
            ? "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal) + "\""
            : value;
}
