using AgentSpec.Runtime.Conversation;

namespace AgentSpec.Runtime.Providers;

/// <summary>One model provider family. <paramref name="onDelta"/>, when given, receives text deltas as generated.</summary>
public interface IModelProvider
{
    string Name { get; }

    Task<ModelResponse> CallAsync(string model, ModelRequest request, Action<string>? onDelta, CancellationToken cancellationToken);
}
