using System.Text.Json.Nodes;
using System.Text;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Execution;
using AgentSpec.Runtime.Providers;

namespace AgentSpec.Runtime.Strategies;

/// <summary><c>map-reduce</c> (spec §4.7): a react loop per chunk (own max_turns, shared budget), then one reduce call.</summary>
public sealed class MapReduceStrategy : IAgentStrategy
{
    public static MapReduceStrategy Instance { get; } = new();

    public async Task<LoopResult> RunAsync(AttemptContext attempt)
    {
        var chunks = InputSplitter.Split(attempt.Request.Message);
        if (chunks.Count <= 1) return await ReactStrategy.Instance.RunAsync(attempt).ConfigureAwait(false);
        var n = chunks.Count;
        attempt.Events?.Emit("map", new JsonObject { ["chunks"] = n });
        var results = new string[n];
        using var gate = new SemaphoreSlim(attempt.Runtime.Settings.MapConcurrency);
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(attempt.Token);
        var tasks = Enumerable.Range(0, n).Select(async i =>
        {
            await gate.WaitAsync(failFast.Token).ConfigureAwait(false);
            try
            {
                var limit = new TurnLimit(attempt.Agent.Definition.MaxTurns);
                var messages = new List<ChatMessage> { ChatMessage.User(PromptTexts.Map(i + 1, n, chunks[i])) };
                var part = await ReactLoop.RunAsync(attempt, messages, limit).ConfigureAwait(false);
                results[i] = part.Output;
            }
            catch (ProviderException ex)
            {
                await failFast.CancelAsync().ConfigureAwait(false);
                throw new ProviderException(ex.Provider, ex.Model, ex.Status, $"part {i + 1} of {n} failed: {ex.Message}", ex.RetryAfter, ex);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!attempt.Token.IsCancellationRequested)
        {
            // A sibling failed and cancelled the rest: report that failure.
            var failed = tasks.First(t => t.IsFaulted);
            await failed.ConfigureAwait(false);
        }
        if (attempt.BudgetExhausted)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < n; i++) sb.Append(i == 0 ? "" : "\n\n").Append($"--- Part {i + 1} ---\n").Append(results[i]);
            return new LoopResult(sb.ToString(), "token_budget");
        }
        var messagesForReduce = new List<ChatMessage>(attempt.Request.History) { ChatMessage.User(PromptTexts.Reduce(results)) };
        var reduce = await attempt.CallModelAsync(messagesForReduce, new TurnLimit(int.MaxValue), withTools: false, internalCall: false)
            .ConfigureAwait(false);
        return new LoopResult(reduce.Text, reduce.StopReason == "max_tokens" ? "max_tokens" : "completed");
    }
}
