using System.Globalization;
using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Conversation;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Tools;

/// <summary>
/// An <c>inline</c> tool (spec §5.4): the code runs in a fresh private directory under its interpreter with the input
/// defined from stdin JSON, a minimal environment, a timeout and a resident-memory limit.
/// </summary>
public sealed class InlineTool : IAgentTool
{
    private readonly string? _interpreter;
    private readonly string[] _interpreterArgs = [];
    private readonly string _extension = "";
    private readonly string _prelude = "";
    private readonly string _code;
    private readonly string _path;
    private readonly TimeSpan _timeout;
    private readonly string _timeoutText;
    private readonly long _memoryBytes;
    private readonly string _memoryText;
    private readonly string _language = "";

    public InlineTool(string skill, SkillDefinition definition, ModelToolSpec spec, RuntimeEnvironment env)
    {
        ToolName = skill;
        Spec = spec;
        var tool = definition.Tool;
        _code = tool.Code ?? "";
        _path = env.Get("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        _timeoutText = tool.Timeout ?? "10s";
        _timeout = DurationText.Parse(_timeoutText);
        string? program = null;
        long defaultMiB = 64;
        switch ((tool.Language ?? "").ToLowerInvariant())
        {
            case "python" or "python3":
                program = "python3";
                _interpreterArgs = ["-I"];
                _extension = "py";
                _prelude = "import json as _json, sys as _sys\ninput = _json.loads(_sys.stdin.read() or '{}')\n";
                break;
            case "javascript" or "js" or "node":
                program = "node";
                defaultMiB = 128;
                _extension = "js";
                _prelude = "const input = JSON.parse(require('fs').readFileSync(0, 'utf8') || '{}');\n";
                break;
            case "bash" or "sh":
                program = "bash";
                _interpreterArgs = ["--noprofile", "--norc"];
                _extension = "sh";
                _prelude = "input=\"$(cat)\"\n";
                break;
            case "powershell" or "pwsh":
                program = "pwsh";
                defaultMiB = 256;
                _interpreterArgs = ["-NoProfile", "-NonInteractive", "-File"];
                _extension = "ps1";
                _prelude = "$ToolInput = [Console]::In.ReadToEnd() | ConvertFrom-Json -AsHashtable\n";
                break;
        }
        _language = program ?? "";
        (_memoryBytes, _memoryText) = ParseMemory(tool.Memory, defaultMiB);
        if (program is null)
        {
            HealthProblem = $"unsupported inline language \"{tool.Language}\"";
            return;
        }
        if (program == "node") _interpreterArgs = [$"--max-old-space-size={_memoryBytes / (1024 * 1024)}"];
        _interpreter = BinaryResolver.Resolve(program, _path, Environment.CurrentDirectory);
        if (_interpreter is null) HealthProblem = $"inline interpreter \"{program}\" not found on PATH";
    }

    public string ToolName { get; }

    public ModelToolSpec Spec { get; }

    public string? HealthProblem { get; }

    /// <summary><c>memory</c>: MiB when a bare number, else a quantity (<c>128Mi</c>, <c>1Gi</c>, <c>500M</c>).</summary>
    public static (long Bytes, string Text) ParseMemory(string? text, long defaultMiB)
    {
        if (string.IsNullOrWhiteSpace(text)) return (defaultMiB * 1024 * 1024, $"{defaultMiB}Mi");
        var t = text.Trim();
        var digits = new string(t.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray());
        var unit = t[digits.Length..];
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) throw new FormatException($"invalid memory \"{text}\"");
        double factor = unit switch
        {
            "" or "Mi" => 1024 * 1024,
            "Ki" => 1024,
            "Gi" => 1024.0 * 1024 * 1024,
            "K" or "k" => 1000,
            "M" => 1000 * 1000,
            "G" => 1000.0 * 1000 * 1000,
            _ => throw new FormatException($"invalid memory \"{text}\""),
        };
        return ((long)(number * factor), unit.Length == 0 ? $"{digits}Mi" : t);
    }

    public async Task<ToolOutcome> ExecuteAsync(ToolCallContext context, CancellationToken cancellationToken)
    {
        if (_interpreter is null) return ToolOutcome.Failure(HealthProblem ?? "inline interpreter unavailable");
        var dir = Directory.CreateTempSubdirectory("agentspec-inline-").FullName;
        try
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var script = Path.Combine(dir, "script." + _extension);
            await File.WriteAllTextAsync(script, _prelude + _code, cancellationToken).ConfigureAwait(false);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var env = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["PATH"] = _path,
                ["HOME"] = dir,
                ["TMPDIR"] = dir,
                ["LANG"] = "C.UTF-8",
                ["AGENTSPEC_CORRELATION_ID"] = context.CorrelationId,
            };
            if (_language == "pwsh") env["DOTNET_GCHeapHardLimit"] = _memoryBytes.ToString("X", CultureInfo.InvariantCulture);
            foreach (var (k, v) in context.ConfigEnvironment) env[k] = v;
            var stdin = System.Text.Json.JsonSerializer.Serialize(context.Input);
            return await ProcessRunner.RunAsync(_interpreter, _interpreterArgs.Append(script), env, stdin, dir, _timeout, _timeoutText,
                cancellationToken, _memoryBytes, _memoryText).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
