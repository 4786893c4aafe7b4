using System.Text;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Execution;
using AgentSpec.Runtime.Hosting;
using AgentSpec.Runtime.Logging;
using AgentSpec.Runtime.Providers;

namespace AgentSpec.Runtime.Sessions;

/// <summary>
/// <c>summary</c> memory (spec §4.12): when a session holds more than <c>max_messages</c>, all but the newest half are
/// replaced by one assistant message produced by one call to the agent's model. Failure keeps the window (WARN).
/// </summary>
public static class SessionSummarizer
{
    public const string Prompt = "Summarize this conversation concisely, keeping facts, names and decisions.\n";

    /// <summary>Compacts the session if needed; returns the tokens the summary call used (zero when none was made).</summary>
    public static async Task<TokenUsage> CompactAsync(RuntimeContext runtime, ServedAgent agent, Session session, string correlationId,
        CancellationToken cancellationToken)
    {
        var memory = agent.Definition.Memory;
        if (memory is null || memory.Strategy != "summary") return default;
        var keep = Math.Max(1, memory.MaxMessages / 2);
        List<ChatMessage> old;
        lock (session.Messages)
        {
            if (session.Messages.Count <= memory.MaxMessages) return default;
            old = session.Messages.Take(session.Messages.Count - keep).ToList();
        }
        var text = new StringBuilder(Prompt);
        foreach (var m in old) text.Append('\n').Append(m.Role == MessageRole.User ? "user" : "assistant").Append(": ").Append(m.Text);
        try
        {
            var caller = new ModelCaller(runtime, agent.Name, agent.Routes);
            var response = await caller.CallAsync(new ModelRequest
            {
                Messages = [ChatMessage.User(text.ToString())],
                MaxTokens = 512,
                CorrelationId = correlationId,
            }, null, DateTimeOffset.UtcNow + agent.Timeout, cancellationToken).ConfigureAwait(false);
            lock (session.Messages)
            {
                session.Messages.RemoveRange(0, old.Count);
                session.Messages.Insert(0, ChatMessage.Assistant($"[Summary of earlier conversation: {response.Text}]"));
            }
            return response.Usage;
        }
        catch (ProviderException ex)
        {
            runtime.Log.Warn("session summary failed", new LogField("correlation_id", correlationId), new LogField("agent", agent.Name),
                new LogField("session_id", session.Id), new LogField("error", runtime.Redactor.Redact(ex.Describe())));
            return default;
        }
    }
}
