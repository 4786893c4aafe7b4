using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentSpec.Runtime.Tests.Infrastructure;

/// <summary>A small Kestrel server on a loopback address that counts and records requests.</summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _hits;

    private LoopbackHttpServer(WebApplication app) => _app = app;

    public int Hits => Volatile.Read(ref _hits);

    public List<string> Requests { get; } = new();

    public int Port { get; private set; }

    public static async Task<LoopbackHttpServer> StartAsync(string address, RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{address}:0");
        var app = builder.Build();
        var server = new LoopbackHttpServer(app);
        app.Run(async context =>
        {
            Interlocked.Increment(ref server._hits);
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            lock (server.Requests) server.Requests.Add($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} {body}");
            await handler(context);
        });
        await app.StartAsync();
        server.Port = new Uri(app.Urls.First()).Port;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
