using System.Text.Json.Nodes;

namespace AgentSpec.Runtime.Conversation;

/// <summary>A tool offered to a model: provider-safe name, description and JSON Schema of its input.</summary>
public sealed record ModelToolSpec(string Name, string Description, JsonObject InputSchema);
