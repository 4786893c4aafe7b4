using System.Text.Json;
using AgentSpec.Runtime.Conversation;

namespace AgentSpec.Runtime.Providers.Mock;

/// <summary>
/// The scripts of <c>AGENTSPEC_MOCK_SCRIPT</c>: an array of steps (script <c>default</c>) or
/// <c>{"scripts":{"name":[steps]}}</c>. Cursors are per script name and shared by the whole process (one runtime).
/// </summary>
public sealed class MockScriptBook
{
    private readonly Dictionary<string, IReadOnlyList<MockStep>> _scripts;
    private readonly Dictionary<string, int> _cursors = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    private MockScriptBook(Dictionary<string, IReadOnlyList<MockStep>> scripts) => _scripts = scripts;

    public static MockScriptBook Empty { get; } = new(new Dictionary<string, IReadOnlyList<MockStep>>());

    public bool Contains(string name) => _scripts.ContainsKey(name);

    /// <summary>Loads from the variable's value: inline JSON when it starts with <c>{</c> or <c>[</c>, else a file path.</summary>
    public static MockScriptBook Load(string value)
    {
        var trimmed = value.TrimStart();
        string json;
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            json = value;
        }
        else
        {
            try
            {
                json = File.ReadAllText(value);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new FormatException($"AGENTSPEC_MOCK_SCRIPT: cannot read \"{value}\": {ex.Message}");
            }
        }
        return Parse(json);
    }

    public static MockScriptBook Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"AGENTSPEC_MOCK_SCRIPT: invalid JSON: {ex.Message}");
        }
        using (doc)
        {
            var scripts = new Dictionary<string, IReadOnlyList<MockStep>>(StringComparer.Ordinal);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                scripts["default"] = ParseSteps(root, "default");
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("scripts", out var map) && map.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in map.EnumerateObject()) scripts[p.Name] = ParseSteps(p.Value, p.Name);
            }
            else
            {
                throw new FormatException("AGENTSPEC_MOCK_SCRIPT: expected an array of steps or {\"scripts\":{...}}");
            }
            return new MockScriptBook(scripts);
        }
    }

    /// <summary>Takes the next step of a script; after the last step, the last step repeats. Returns the 1-based call number.</summary>
    public (MockStep Step, int CallNumber) Next(string script)
    {
        var steps = _scripts[script];
        lock (_gate)
        {
            _cursors.TryGetValue(script, out var n);
            _cursors[script] = n + 1;
            return (steps[Math.Min(n, steps.Count - 1)], n + 1);
        }
    }

    private static List<MockStep> ParseSteps(JsonElement array, string name)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            throw new FormatException($"AGENTSPEC_MOCK_SCRIPT: script \"{name}\" must be a non-empty array of steps");
        }
        var steps = new List<MockStep>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            steps.Add(ParseStep(item, $"script \"{name}\" step {index}"));
            index++;
        }
        return steps;
    }

    private static MockStep ParseStep(JsonElement e, string at)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new FormatException($"AGENTSPEC_MOCK_SCRIPT: {at}: a step must be an object");
        try
        {
            var calls = new List<(string, JsonElement, string?)>();
            if (e.TryGetProperty("tool_calls", out var tc))
            {
                foreach (var c in tc.EnumerateArray())
                {
                    var input = c.TryGetProperty("input", out var i) ? i.Clone() : JsonDocument.Parse("{}").RootElement.Clone();
                    calls.Add((c.GetProperty("name").GetString() ?? "", input, c.TryGetProperty("id", out var id) ? id.GetString() : null));
                }
            }
            TokenUsage? usage = null;
            if (e.TryGetProperty("usage", out var u))
            {
                usage = new TokenUsage(Long(u, "input"), Long(u, "output"), Long(u, "cache_read"), Long(u, "cache_write"));
            }
            (int, string, double?)? error = null;
            if (e.TryGetProperty("error", out var err))
            {
                error = (err.GetProperty("status").GetInt32(),
                    err.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "mock error",
                    err.TryGetProperty("retry_after_s", out var ra) ? ra.GetDouble() : null);
            }
            MockExpectation? expect = null;
            if (e.TryGetProperty("expect", out var x))
            {
                var tools = x.TryGetProperty("tools_include", out var ti) ? ti.EnumerateArray().Select(t => t.GetString() ?? "").ToList() : new List<string>();
                expect = new MockExpectation(Str(x, "system_contains"), Str(x, "last_message_contains"), Str(x, "history_contains"), tools);
            }
            return new MockStep
            {
                Text = Str(e, "text"),
                ToolCalls = calls,
                StopReason = Str(e, "stop_reason"),
                Usage = usage,
                DelayMs = e.TryGetProperty("delay_ms", out var d) ? d.GetInt32() : 0,
                Echo = e.TryGetProperty("echo", out var echo) && echo.ValueKind == JsonValueKind.True,
                Error = error,
                Expect = expect,
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new FormatException($"AGENTSPEC_MOCK_SCRIPT: {at}: {ex.Message}");
        }
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetString() : null;

    private static long Long(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetInt64() : 0;
}
