using AgentSpec.Runtime.Conversation;

namespace AgentSpec.Runtime.Sessions;

/// <summary>An in-memory conversation of one agent (spec §2.9, §4.12).</summary>
public sealed class Session
{
    private int _busy;

    public Session(string id, string agent, DateTimeOffset createdAt, IReadOnlyDictionary<string, string> metadata,
        IReadOnlyDictionary<string, string> variables)
    {
        Id = id;
        Agent = agent;
        CreatedAt = createdAt;
        LastActiveAt = createdAt;
        Metadata = metadata;
        Variables = variables;
    }

    public string Id { get; }
    public string Agent { get; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset LastActiveAt { get; set; }
    public int Turns { get; set; }
    public IReadOnlyDictionary<string, string> Metadata { get; }
    public IReadOnlyDictionary<string, string> Variables { get; }
    public List<ChatMessage> Messages { get; } = new();

    public bool IsBusy => Volatile.Read(ref _busy) == 1;

    public bool TryEnter() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

    public void Exit() => Volatile.Write(ref _busy, 0);

    /// <summary>
    /// The history for the next message: the last <paramref name="maxMessages"/> messages trimmed to start with a user
    /// message (<c>sliding_window</c>), or everything stored (<c>summary</c>, which keeps its own size bound).
    /// </summary>
    public List<ChatMessage> History(string strategy, int maxMessages)
    {
        lock (Messages)
        {
            if (strategy == "summary") return Messages.ToList();
            var window = Messages.Skip(Math.Max(0, Messages.Count - maxMessages)).ToList();
            while (window.Count > 0 && window[0].Role != MessageRole.User) window.RemoveAt(0);
            return window;
        }
    }

    public void Append(string user, string assistant)
    {
        lock (Messages)
        {
            Messages.Add(ChatMessage.User(user));
            Messages.Add(ChatMessage.Assistant(assistant));
        }
    }
}
