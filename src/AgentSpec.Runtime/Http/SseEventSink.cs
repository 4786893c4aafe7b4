using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using AgentSpec.Runtime.Execution;
using Microsoft.AspNetCore.Http;

namespace AgentSpec.Runtime.Http;

/// <summary>
/// Writes invocation events as server-sent events (spec §2.8): <c>event:</c> + one-line <c>data:</c> JSON with
/// <c>type</c>, flushed at once; <c>: keep-alive</c> after 15 s of silence. Events from concurrent tools are serialised.
/// </summary>
public sealed class SseEventSink : IInvocationEventSink
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpResponse _response;
    private readonly Task _pump;

    public SseEventSink(HttpResponse response)
    {
        _response = response;
        _pump = PumpAsync();
    }

    public void Emit(string type, JsonObject data)
    {
        var payload = new JsonObject { ["type"] = type };
        foreach (var (key, value) in data.ToList())
        {
            data.Remove(key);
            payload[key] = value;
        }
        _channel.Writer.TryWrite($"event: {type}\ndata: {JsonText.Of(payload)}\n\n");
    }

    /// <summary>Writes the remaining events and stops.</summary>
    public async Task CompleteAsync()
    {
        _channel.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }

    private async Task PumpAsync()
    {
        var reader = _channel.Reader;
        try
        {
            while (true)
            {
                using var idle = new CancellationTokenSource(KeepAlive);
                bool more;
                try
                {
                    more = await reader.WaitToReadAsync(idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    await WriteAsync(": keep-alive\n\n").ConfigureAwait(false);
                    continue;
                }
                if (!more) break;
                var sb = new StringBuilder();
                while (reader.TryRead(out var item)) sb.Append(item);
                await WriteAsync(sb.ToString()).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Client gone: the invocation is cancelled through RequestAborted.
        }
    }

    private async Task WriteAsync(string text)
    {
        await _response.Body.WriteAsync(Encoding.UTF8.GetBytes(text)).ConfigureAwait(false);
        await _response.Body.FlushAsync().ConfigureAwait(false);
    }
}
