using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Conversation;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Tools;

/// <summary>
/// A <c>command</c> tool (spec §5.2): exactly the declared binary (pinned to its absolute path at startup), the declared
/// args, the input as JSON on stdin, a minimal environment, and a timeout.
/// </summary>
public sealed class CommandTool : IAgentTool
{
    private readonly string? _executable;
    private readonly IReadOnlyList<string> _args;
    private readonly IReadOnlyDictionary<string, string> _baseEnvironment;
    private readonly TimeSpan _timeout;
    private readonly string _timeoutText;

    public CommandTool(string skill, SkillDefinition definition, ModelToolSpec spec, RuntimeEnvironment env,
        IReadOnlyDictionary<string, SecretBinding> secrets, string baseDirectory)
    {
        ToolName = skill;
        Spec = spec;
        var tool = definition.Tool;
        var binary = tool.Binary ?? "";
        _executable = BinaryResolver.Resolve(binary, env.Get("PATH"), baseDirectory);
        _args = tool.Args;
        _timeoutText = tool.Timeout ?? "30s";
        _timeout = DurationText.Parse(_timeoutText);
        var baseEnv = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = env.Get("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = env.Get("HOME") ?? Path.GetTempPath(),
            ["LANG"] = "C.UTF-8",
            ["AGENTSPEC_TOOL"] = skill,
        };
        foreach (var (k, v) in tool.Env) baseEnv[k] = v;
        var problems = new List<string>();
        if (_executable is null) problems.Add($"command binary \"{binary}\" not found on PATH");
        foreach (var (variable, secretName) in tool.Secrets)
        {
            var source = secrets.TryGetValue(secretName, out var binding) ? binding.Env : secretName;
            if (env.Get(source) is { } value) baseEnv[variable] = value;
            else problems.Add($"secret \"{secretName}\" ({source}) is not set");
        }
        HealthProblem = problems.Count > 0 ? string.Join("; ", problems) : null;
        _baseEnvironment = baseEnv;
    }

    public string ToolName { get; }

    public ModelToolSpec Spec { get; }

    public string? HealthProblem { get; }

    public Task<ToolOutcome> ExecuteAsync(ToolCallContext context, CancellationToken cancellationToken)
    {
        if (_executable is null) return Task.FromResult(ToolOutcome.Failure(HealthProblem ?? "command binary not found"));
        var env = new Dictionary<string, string>(_baseEnvironment, StringComparer.Ordinal)
        {
            ["AGENTSPEC_AGENT"] = context.Agent,
            ["AGENTSPEC_CORRELATION_ID"] = context.CorrelationId,
        };
        foreach (var (k, v) in context.ConfigEnvironment) env[k] = v;
        var stdin = System.Text.Json.JsonSerializer.Serialize(context.Input);
        return ProcessRunner.RunAsync(_executable, _args, env, stdin, null, _timeout, _timeoutText, cancellationToken);
    }
}
