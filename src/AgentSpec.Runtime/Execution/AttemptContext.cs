using System.Text.Json;
using System.Text.Json.Nodes;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Hosting;
using AgentSpec.Runtime.Logging;
using AgentSpec.Runtime.Providers;

namespace AgentSpec.Runtime.Execution;

/// <summary>
/// One attempt of an agent's strategy (spec §4.2): deadline, turn and token counters, tool-call records, and the
/// model-call and tool-execution primitives every strategy uses.
/// </summary>
public sealed class AttemptContext
{
    private readonly object _gate = new();
    private readonly List<ToolCallRecord> _records = new();
    private TokenUsage _tokens;
    private long _used;
    private int _turns;
    private string _lastText = "";

    public AttemptContext(RuntimeContext runtime, AgentExecutor executor, ServedAgent agent, InvocationRequest request, string system,
        ModelCaller models, DateTimeOffset deadline, CancellationToken token)
    {
        Runtime = runtime;
        Executor = executor;
        Agent = agent;
        Request = request;
        System = system;
        Models = models;
        Deadline = deadline;
        Token = token;
        Turns = new TurnLimit(agent.Definition.MaxTurns);
    }

    public RuntimeContext Runtime { get; }
    public AgentExecutor Executor { get; }
    public ServedAgent Agent { get; }
    public InvocationRequest Request { get; }
    public string System { get; }
    public ModelCaller Models { get; }
    public DateTimeOffset Deadline { get; }
    public CancellationToken Token { get; }

    /// <summary>The attempt's <c>max_turns</c> counter.</summary>
    public TurnLimit Turns { get; }

    public IInvocationEventSink? Events => Request.Events;

    public int TotalTurns => Volatile.Read(ref _turns);

    public TokenUsage Tokens { get { lock (_gate) return _tokens; } }

    public string LastText { get { lock (_gate) return _lastText; } }

    public IReadOnlyList<ToolCallRecord> Records { get { lock (_gate) return _records.ToList(); } }

    public long Budget => Agent.Definition.TokenBudget;

    public bool BudgetExhausted => Budget > 0 && Interlocked.Read(ref _used) >= Budget;

    /// <summary>Builds the history + <c>user(input)</c> message list.</summary>
    public List<ChatMessage> StartMessages()
    {
        var messages = new List<ChatMessage>(Request.History);
        messages.Add(ChatMessage.User(Request.Message));
        return messages;
    }

    /// <summary>One model call (one turn): counts the turn against <paramref name="limit"/>, tokens against the budget.</summary>
    public async Task<ModelResponse> CallModelAsync(IReadOnlyList<ChatMessage> messages, TurnLimit limit, bool withTools, bool internalCall,
        string? systemOverride = null, double? temperatureOverride = null, int? maxTokensOverride = null)
    {
        limit.Take();
        var turn = Interlocked.Increment(ref _turns);
        var maxTokens = maxTokensOverride ?? Agent.Definition.EffectiveMaxTokens;
        if (Budget > 0) maxTokens = (int)Math.Max(1, Math.Min(maxTokens, Budget - Interlocked.Read(ref _used)));
        var events = internalCall ? null : Events;
        var streaming = events is not null && Agent.Definition.Stream;
        var request = new ModelRequest
        {
            System = systemOverride ?? System,
            Messages = messages,
            Tools = withTools ? Agent.Tools.Select(t => t.Spec).ToList() : [],
            Temperature = temperatureOverride ?? Agent.Definition.Temperature,
            MaxTokens = maxTokens,
            Stream = streaming,
            CorrelationId = Request.CorrelationId,
        };
        Action<string>? onDelta = streaming ? delta => events?.Emit("text", new JsonObject { ["text"] = delta }) : null;
        var response = await Models.CallAsync(request, onDelta, Deadline, Token).ConfigureAwait(false);
        Interlocked.Add(ref _used, response.Usage.Total);
        lock (_gate)
        {
            _tokens += response.Usage;
            if (response.Text.Length > 0 && !internalCall) _lastText = response.Text;
        }
        var model = Models.Current.ModelId;
        Runtime.Budgets?.Record(Agent, model, Models.Current.Provider == ProviderKind.Mock, response.Usage.Input, response.Usage.Output, Request.CorrelationId);
        var metrics = Runtime.Metrics.Tokens;
        metrics.WithLabels(Agent.Name, model, "input").Inc(response.Usage.Input);
        metrics.WithLabels(Agent.Name, model, "output").Inc(response.Usage.Output);
        metrics.WithLabels(Agent.Name, model, "cache_read").Inc(response.Usage.CacheRead);
        metrics.WithLabels(Agent.Name, model, "cache_write").Inc(response.Usage.CacheWrite);
        if (events is not null && !streaming && response.Text.Length > 0) events.Emit("text", new JsonObject { ["text"] = response.Text });
        Events?.Emit("turn", new JsonObject
        {
            ["turn"] = turn,
            ["stop_reason"] = response.StopReason,
            ["tokens"] = new JsonObject { ["input"] = response.Usage.Input, ["output"] = response.Usage.Output },
        });
        if (Runtime.LogContent)
        {
            Runtime.Log.Debug("model content", new LogField("correlation_id", Request.CorrelationId), new LogField("agent", Agent.Name),
                new LogField("turn", turn), new LogField("system", request.System), new LogField("text", response.Text));
        }
        Runtime.Log.Debug("turn", new LogField("correlation_id", Request.CorrelationId), new LogField("agent", Agent.Name),
            new LogField("turn", turn), new LogField("tokens", response.Usage), new LogField("stop_reason", response.StopReason));
        return response;
    }

    /// <summary>Adds a nested agent's tokens and tool calls (and, for routing, its turns) to this attempt.</summary>
    public void AddNested(InvocationOutcome nested, string agent, bool includeTurns)
    {
        lock (_gate)
        {
            _tokens += nested.Tokens;
            foreach (var r in nested.ToolCalls) _records.Add(r.WithAgent(agent));
        }
        if (includeTurns) Interlocked.Add(ref _turns, nested.Turns);
    }

    public void AddRecord(ToolCallRecord record)
    {
        lock (_gate) _records.Add(record);
    }

    public PartialResult Partial() => new(LastText, TotalTurns, Tokens, Records);

    internal static JsonNode? ToNode(JsonElement? element) => element is { } e ? JsonNode.Parse(e.GetRawText()) : null;
}
