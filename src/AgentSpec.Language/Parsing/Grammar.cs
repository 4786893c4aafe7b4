using AgentSpec.Syntax;

namespace AgentSpec.Parsing;

/// <summary>The item words each body accepts (language spec §2.3–§2.13); bodies of names (maps, entries) are open.</summary>
internal static class Grammar
{
    public static readonly string[] StatementKeywords =
    [
        "package", "import", "plugin", "prompt", "skill", "agent", "secret", "environment", "policy", "deploy",
        "pipeline", "type", "server", "client", "user", "guardrail", "state", "binding",
    ];

    private static readonly HashSet<string> StatementKeywordSet = new(StatementKeywords, StringComparer.Ordinal);

    private static readonly Dictionary<BlockKind, Dictionary<string, ItemRule>> Rules = new()
    {
        [BlockKind.Prompt] = Table(V("content"), V("version"), B("variables", BlockKind.Variables), M("metadata")),
        [BlockKind.Skill] = Table(
            V("description"), B("input", BlockKind.Fields), B("output", BlockKind.Fields),
            new ItemRule("tool", ItemShape.Tool), new ItemRule("execution", ItemShape.Execution), M("metadata")),
        [BlockKind.HttpTool] = Table(V("method"), V("url"), M("headers"), V("body_template"), V("timeout")),
        [BlockKind.CommandTool] = Table(V("binary"), V("args"), V("timeout"), M("env"), M("secrets")),
        [BlockKind.InlineTool] = Table(V("language"), V("code"), V("timeout"), V("memory")),
        [BlockKind.Agent] = Table(
            new ItemRule("uses", ItemShape.Uses), new ItemRule("prompt", ItemShape.PromptShorthand, Key: "uses prompt"), V("model"),
            V("models"), V("max_tokens"), new ItemRule("budget", ItemShape.Budget), new ItemRule("connects", ItemShape.Connects),
            V("strategy"), new ItemRule("loop", ItemShape.Value, Key: "strategy"), V("max_turns"), V("timeout"),
            V("token_budget"), V("temperature"), V("stream"), V("on_error"), V("max_retries"), V("fallback"),
            B("memory", BlockKind.Memory), new ItemRule("delegate", ItemShape.Delegate), B("config", BlockKind.Config),
            B("validate", BlockKind.Validate), B("eval", BlockKind.Eval), new ItemRule("on", ItemShape.OnInput, BlockKind.OnInput, "on input"),
            M("metadata")),
        [BlockKind.Memory] = Table(V("strategy"), V("max_messages")),
        [BlockKind.Validate] = Table(new ItemRule("rule", ItemShape.Rule)),
        [BlockKind.Eval] = Table(new ItemRule("case", ItemShape.Case, BlockKind.EvalCase)),
        [BlockKind.EvalCase] = Table(V("input"), V("expect"), new ItemRule("scoring", ItemShape.Scoring), V("threshold"), V("tags")),
        [BlockKind.OnInput] = Table(
            new ItemRule("use", ItemShape.UseStatement), new ItemRule("delegate", ItemShape.DelegateStatement),
            new ItemRule("respond", ItemShape.RespondStatement), new ItemRule("if", ItemShape.IfStatement, BlockKind.OnInput),
            new ItemRule("for", ItemShape.ForStatement, BlockKind.OnInput)),
        [BlockKind.Secret] = Table(new ItemRule("env", ItemShape.SecretSource), new ItemRule("store", ItemShape.SecretSource)),
        [BlockKind.Policy] = Table(
            new ItemRule("deny", ItemShape.PolicyRule), new ItemRule("allow", ItemShape.PolicyRule), new ItemRule("require", ItemShape.PolicyRule),
            V("environments"), V("deploys")),
        [BlockKind.Deploy] = Table(
            V("port"), new ItemRule("default", ItemShape.Default), V("agents"), V("namespace"), V("replicas"), V("image"),
            B("resources", BlockKind.Resources), B("health", BlockKind.Health), B("autoscale", BlockKind.Autoscale),
            M("env"), M("secrets")),
        [BlockKind.Resources] = Table(V("cpu"), V("memory")),
        [BlockKind.Health] = Table(V("path"), V("interval"), V("timeout")),
        [BlockKind.Autoscale] = Table(V("min"), V("max"), V("metric"), V("target")),
        [BlockKind.Pipeline] = Table(new ItemRule("step", ItemShape.Step, BlockKind.Step)),
        [BlockKind.Step] = Table(V("agent"), V("input"), V("output"), V("depends_on"), V("parallel"), V("when")),
        [BlockKind.Server] = Table(
            V("transport"), V("command"), V("args"), V("url"), V("auth"), new ItemRule("exposes", ItemShape.Exposes), M("env"),
            M("metadata")),
        [BlockKind.Client] = Table(new ItemRule("connects", ItemShape.Connects), M("metadata")),
        [BlockKind.User] = Table(new ItemRule("key", ItemShape.UserKey), V("agents"), V("role")),
        [BlockKind.Guardrail] = Table(V("mode"), V("keywords"), V("patterns"), V("fallback")),
        [BlockKind.State] = Table(V("type")),
        [BlockKind.Binding] = Table(new ItemRule("default", ItemShape.Default), V("adapter")),
    };

    public static bool IsStatementKeyword(string word) => StatementKeywordSet.Contains(word);

    /// <summary>Bodies whose items are names chosen by the user (map keys, entries, overrides, properties).</summary>
    public static bool IsOpen(BlockKind kind) => kind is BlockKind.Map or BlockKind.Variables or BlockKind.Fields or
        BlockKind.Config or BlockKind.TypeFields or BlockKind.With or BlockKind.Environment or BlockKind.Override or
        BlockKind.State or BlockKind.Binding;

    public static ItemRule? Find(BlockKind kind, string word) =>
        Rules.TryGetValue(kind, out var table) && table.TryGetValue(word, out var rule) ? rule : null;

    public static IReadOnlyCollection<string> ItemWords(BlockKind kind) =>
        Rules.TryGetValue(kind, out var table) ? table.Keys : Array.Empty<string>();

    public static string DisplayName(BlockKind kind) => kind switch
    {
        BlockKind.File => "file",
        BlockKind.HttpTool => "tool http",
        BlockKind.CommandTool => "tool command",
        BlockKind.InlineTool => "tool inline",
        BlockKind.EvalCase => "eval case",
        BlockKind.OnInput => "on input",
        BlockKind.With => "with",
        BlockKind.TypeFields => "type",
        BlockKind.Fields => "field",
        BlockKind.Override => "override",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static Dictionary<string, ItemRule> Table(params ItemRule[] rules) =>
        rules.ToDictionary(r => r.Word, StringComparer.Ordinal);

    private static ItemRule V(string word) => new(word, ItemShape.Value);

    private static ItemRule B(string word, BlockKind nested) => new(word, ItemShape.Block, nested);

    private static ItemRule M(string word) => new(word, ItemShape.Map, BlockKind.Map);
}
