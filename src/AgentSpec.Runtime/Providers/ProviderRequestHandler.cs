using System.Globalization;

namespace AgentSpec.Runtime.Providers;

/// <summary>Adds <c>X-Correlation-ID</c> to provider requests and records <c>Retry-After</c> of failed responses.</summary>
public sealed class ProviderRequestHandler : DelegatingHandler
{
    public ProviderRequestHandler() : base(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60) })
    {
    }

    public static HttpClient CreateClient() => new(new ProviderRequestHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var scope = ProviderCallScope.Current;
        if (scope is not null && scope.CorrelationId.Length > 0) request.Headers.TryAddWithoutValidation("X-Correlation-ID", scope.CorrelationId);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (scope is not null && !response.IsSuccessStatusCode) scope.RetryAfter = ParseRetryAfter(response);
        return response;
    }

    /// <summary><c>Retry-After</c> as seconds or an HTTP date.</summary>
    public static TimeSpan? ParseRetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } ra)
        {
            if (ra.Delta is { } delta) return delta;
            if (ra.Date is { } date) return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        }
        if (response.Headers.TryGetValues("retry-after", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return null;
    }
}
