using System.Collections.Concurrent;
using AgentSpec.Engine.Apply;

namespace AgentSpec.Commands.Engine;

/// <summary>
/// The engine's event sink (deployment spec §1.5): worker threads enqueue, the cmdlet drains on its own thread, so
/// every <c>Write*</c> call happens on the pipeline thread.
/// </summary>
internal sealed class EngineEventQueue : IEngineEvents, IDisposable
{
    private readonly BlockingCollection<EngineMessage> _messages = new();

    public void Verbose(string message) => Add(new EngineMessage(EngineMessageKind.Verbose, message));

    public void Warning(string message) => Add(new EngineMessage(EngineMessageKind.Warning, message));

    public void Information(string message) => Add(new EngineMessage(EngineMessageKind.Information, message));

    public void Progress(int completed, int total, string current, string step) =>
        Add(new EngineMessage(EngineMessageKind.Progress, step, completed, total, current));

    public void Completed(ApplyResult result) =>
        Add(new EngineMessage(EngineMessageKind.Completed, result.Address, Address: result.Address, Result: result));

    /// <summary>Runs <paramref name="work"/> on a worker and hands every event to <paramref name="write"/> on this thread until it ends.</summary>
    public T Pump<T>(Func<Task<T>> work, Action<EngineMessage> write)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                return await work().ConfigureAwait(false);
            }
            finally
            {
                _messages.CompleteAdding();
            }
        });
        foreach (var message in _messages.GetConsumingEnumerable())
        {
            write(message);
        }

        return task.GetAwaiter().GetResult();
    }

    public void Dispose() => _messages.Dispose();

    private void Add(EngineMessage message)
    {
        if (!_messages.IsAddingCompleted)
        {
            _messages.Add(message);
        }
    }
}
