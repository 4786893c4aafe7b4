using System.Text.Json.Nodes;
using AgentSpec.Runtime.Conversation;

namespace AgentSpec.Runtime.Tools.Mcp;

/// <summary>
/// A tool served by an MCP server: a skill's <c>tool mcp "server/tool"</c> (offered under the skill's name and
/// description), or one tool of a connected client's server (offered as <c>server__tool</c>). The input schema is the
/// server's <c>inputSchema</c> verbatim once connected.
/// </summary>
public sealed class McpTool : IAgentTool
{
    private readonly McpConnection _connection;
    private readonly string _tool;
    private readonly string _providerName;
    private readonly string? _description;
    private readonly JsonObject _fallbackSchema;

    public McpTool(string toolName, string providerName, string? description, JsonObject fallbackSchema, McpConnection connection, string tool)
    {
        ToolName = toolName;
        _providerName = providerName;
        _description = description;
        _fallbackSchema = fallbackSchema;
        _connection = connection;
        _tool = tool;
    }

    public string ToolName { get; }

    public ModelToolSpec Spec
    {
        get
        {
            if (_connection.Tools.TryGetValue(_tool, out var tool))
            {
                var schema = JsonNode.Parse(tool.InputSchema.GetRawText()) as JsonObject ?? _fallbackSchema;
                return new ModelToolSpec(_providerName, _description ?? tool.Description ?? "", schema);
            }
            return new ModelToolSpec(_providerName, _description ?? "", _fallbackSchema);
        }
    }

    public string? HealthProblem =>
        !_connection.Connected ? $"MCP server {_connection.Name} not connected"
        : !_connection.Tools.ContainsKey(_tool) ? $"MCP server {_connection.Name} has no tool \"{_tool}\"" : null;

    public Task<ToolOutcome> ExecuteAsync(ToolCallContext context, CancellationToken cancellationToken) =>
        _connection.CallAsync(_tool, context.Input, cancellationToken);
}
