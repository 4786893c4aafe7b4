using Microsoft.AspNetCore.Http;

namespace AgentSpec.Runtime.Http;

/// <summary><c>GET /v1/metrics</c>: Prometheus text format 0.0.4 (spec §6.3).</summary>
public static class MetricsEndpoint
{
    public static async Task HandleAsync(HttpContext context, ApiState state)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        using var buffer = new MemoryStream();
        await state.Runtime.Metrics.WriteAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
