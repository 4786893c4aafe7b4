using System.Text.Json;

namespace AgentSpec.Runtime.Conversation;

/// <summary>
/// A tool call requested by a model: <c>Name</c> is the provider tool name. <c>Input</c> is the parsed arguments, or
/// null when the model sent arguments that are not a JSON object (<see cref="RawArguments"/> then holds them).
/// </summary>
public sealed record ToolCallRequest(string Id, string Name, JsonElement? Input, string? RawArguments = null);
