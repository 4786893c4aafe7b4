using System.Text.Json.Nodes;
using AgentSpec.Runtime.Execution;
using AgentSpec.Runtime.Sessions;
using Microsoft.AspNetCore.Http;

namespace AgentSpec.Runtime.Http;

/// <summary>
/// Invoke, stream and session messages (spec §2.7–2.9) in the processing order of §2.7: agent 404 → 403 → body
/// 413/400 → session 404/409 → prompt variables 400 → readiness 503 → concurrency 503 → run → session save.
/// </summary>
public static class InvokeEndpoint
{
    public static async Task HandleAsync(HttpContext context, ApiState state, RequestInfo info, string agentName, string? pathSession,
        bool stream)
    {
        var agent = AgentLookup.Find(state, info, agentName);
        Admission.RateLimit(context, state, info);
        var raw = await RequestBodyReader.ReadObjectAsync(context, state.Runtime.Settings.MaxBodyBytes, allowEmpty: false).ConfigureAwait(false);
        var body = InvokeBody.Parse(raw);
        var sessionId = pathSession ?? body.SessionId;
        Session? session = null;
        if (sessionId is not null)
        {
            session = state.Sessions.Find(agent.Name, sessionId) ?? throw ApiException.NotFound($"session \"{sessionId}\" not found");
            if (!session.TryEnter()) throw new ApiException(409, "conflict", "a message is already running on this session");
        }
        try
        {
            var variables = new Dictionary<string, string>(session?.Variables ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            foreach (var (k, v) in body.Variables ?? new Dictionary<string, string>()) variables[k] = v;
            string system;
            try
            {
                system = state.Executor.RenderSystem(agent, variables);
            }
            catch (PromptVariableException ex)
            {
                throw ApiException.BadRequest(ex.Message);
            }
            if (state.Health.Snapshot.UnavailableAgents.TryGetValue(agent.Name, out var why))
            {
                throw new ApiException(503, "unavailable", $"agent \"{agent.Name}\" is not ready: {why}");
            }
            Admission.Budget(state, agent);
            if (!state.TryEnterInvocation())
            {
                throw new ApiException(503, "unavailable", "too many invocations in flight", null, new Dictionary<string, string> { ["Retry-After"] = "1" });
            }
            try
            {
                var source = session is not null ? "session" : stream ? "stream" : "invoke";
                var history = session?.History(agent.Definition.Memory?.Strategy ?? "sliding_window", agent.Definition.Memory?.MaxMessages ?? 50) ?? [];
                await RunAsync(context, state, info, agent, body.Message ?? "", variables, system, history, session, stream, source).ConfigureAwait(false);
            }
            finally
            {
                state.ExitInvocation();
            }
        }
        finally
        {
            session?.Exit();
        }
    }

    private static async Task RunAsync(HttpContext context, ApiState state, RequestInfo info, ServedAgent agent, string message,
        Dictionary<string, string> variables, string system, List<Conversation.ChatMessage> history, Session? session, bool stream, string source)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Runtime.ShutdownCancellation.Token);
        SseEventSink? sink = null;
        GuardedTextSink? guarded = null;
        if (stream)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers["X-Accel-Buffering"] = "no";
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            sink = new SseEventSink(context.Response);
            var blocking = agent.Definition.Guardrails.Any(g => state.Runtime.Document.Guardrails.TryGetValue(g, out var d) && d.Mode == "block");
            if (blocking) guarded = new GuardedTextSink(sink);
        }
        state.CountInvocation(agent.Name);
        var request = new InvocationRequest
        {
            Agent = agent.Name,
            Message = message,
            Variables = variables,
            History = history,
            CorrelationId = info.CorrelationId,
            Source = source,
            Events = (IInvocationEventSink?)guarded ?? sink,
            RenderedSystem = system,
        };
        try
        {
            var outcome = await state.Executor.InvokeAsync(request, cancellation.Token).ConfigureAwait(false);
            var turn = 0;
            if (session is not null)
            {
                session.Append(message, outcome.Output);
                session.Turns++;
                session.LastActiveAt = DateTimeOffset.UtcNow;
                turn = session.Turns;
                var summary = await SessionSummarizer.CompactAsync(state.Runtime, agent, session, info.CorrelationId, cancellation.Token).ConfigureAwait(false);
                if (summary.Total > 0) outcome = outcome.WithExtraTokens(summary);
            }
            var sessionId = session?.Id ?? "";
            if (sink is not null)
            {
                guarded?.Release(outcome.Guardrail is { Blocked: true }, outcome.Output);
                sink.Emit("done", InvocationJson.Done(outcome, sessionId));
                await sink.CompleteAsync().ConfigureAwait(false);
                return;
            }
            var json = InvocationJson.Response(outcome, sessionId);
            if (session is not null) json["turn"] = turn;
            await ResponseWriter.JsonAsync(context, 200, json).ConfigureAwait(false);
        }
        catch (InvocationException ex)
        {
            var error = ToApi(ex);
            if (sink is null) throw error;
            var data = new JsonObject { ["error"] = error.Code, ["message"] = error.Message };
            if (ex.Partial is { } p) data["partial"] = InvocationJson.Partial(p);
            sink.Emit("error", data);
            await sink.CompleteAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (state.Runtime.ShutdownCancellation.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            if (sink is null) throw new ApiException(503, "unavailable", "the runtime is shutting down");
            sink.Emit("error", new JsonObject { ["error"] = "shutting_down", ["message"] = "the runtime is shutting down" });
            await sink.CompleteAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (sink is not null) await sink.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Maps an invocation failure to its HTTP error (504 carries <c>partial</c>).</summary>
    public static ApiException ToApi(InvocationException ex)
    {
        var extra = new JsonObject { ["agent"] = ex.Agent };
        if (ex.Code == "timeout" && ex.Partial is { } p) extra["partial"] = InvocationJson.Partial(p);
        return new ApiException(ex.Status, ex.Code, ex.Message, extra);
    }
}
