using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentSpec.Runtime.Benchmarks;

/// <summary>The minimal Kestrel app the runtime is compared with: slim builder, one terminal handler, JSON on /healthz.</summary>
public static class HelloApp
{
    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port));
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{\"status\":\"healthy\"}");
        });
        await app.RunAsync();
        return 0;
    }
}
