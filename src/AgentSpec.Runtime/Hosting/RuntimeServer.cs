using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Execution;
using AgentSpec.Runtime.Health;
using AgentSpec.Runtime.Http;
using AgentSpec.Runtime.Logging;
using AgentSpec.Runtime.Providers;
using AgentSpec.Runtime.Providers.Mock;
using AgentSpec.Runtime.Security;
using AgentSpec.Runtime.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentSpec.Runtime.Hosting;

/// <summary>
/// One runtime instance: resolves a document (spec §1.5 steps 2–5), serves it on Kestrel (6–8) and shuts down
/// gracefully (§1.6). Configuration errors throw <see cref="ConfigurationException"/>.
/// </summary>
public sealed class RuntimeServer : IAsyncDisposable
{
    private readonly RuntimeServerOptions _options;
    private readonly List<string> _warnings;
    private readonly Stopwatch _startup;
    private WebApplication? _app;
    private Timer? _healthTimer;
    private Timer? _sweepTimer;
    private int _shutdownStarted;

    private RuntimeServer(RuntimeServerOptions options, ApiState state, List<string> warnings, Stopwatch startup)
    {
        _options = options;
        State = state;
        _warnings = warnings;
        _startup = startup;
    }

    /// <summary>The configuration new requests are served from (swapped by <see cref="ReloadAsync"/>).</summary>
    public ApiState State { get; private set; }

    private RequestDispatcher? _dispatcher;

    public RuntimeLog Log => State.Runtime.Log;

    /// <summary>The bound port (after <see cref="StartAsync"/>).</summary>
    public int Port { get; private set; }

    /// <summary>Completes when the graceful shutdown has finished.</summary>
    public Task Completion => _completion.Task;

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static RuntimeServer Create(RuntimeServerOptions options)
    {
        var startup = Stopwatch.StartNew();
        var warnings = new List<string>();
        var state = RuntimeStateBuilder.Build(options, options.Document, null, warnings);
        return new RuntimeServer(options, state, warnings, startup);
    }

    /// <summary>
    /// Swaps in a new configuration (source mode <c>--watch</c>): new requests use it, in-flight ones finish on the old
    /// one. Throws <see cref="ConfigurationException"/> and keeps the old configuration when the new one is invalid.
    /// </summary>
    public async Task ReloadAsync(RuntimeModel.RuntimeDocument document)
    {
        var warnings = new List<string>();
        var old = State;
        var next = RuntimeStateBuilder.Build(_options, document, old, warnings);
        State = next;
        _dispatcher?.Swap(next);
        foreach (var server in next.McpServers)
        {
            server.StateChanged += next.Health.Refresh;
            server.Start();
        }
        old.Health.StopProbe();
        foreach (var server in old.McpServers)
        {
            server.StateChanged -= old.Health.Refresh;
            await server.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var warning in warnings) Log.Warn(warning);
        Log.Info("config reloaded", new LogField("agents", next.AgentList.Count), new LogField("spec_hash", document.SpecHash));
    }

    /// <summary>Binds and starts serving; throws <see cref="IOException"/> when the address cannot be bound.</summary>
    public async Task StartAsync()
    {
        var settings = State.Runtime.Settings;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new FrameworkLoggerProvider(Log));
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, NullHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout + TimeSpan.FromSeconds(5));
        X509Certificate2? certificate = null;
        if (_options.TlsCertificate is { } certPath && _options.TlsKey is { } keyPath)
        {
            certificate = X509Certificate2.CreateFromPemFile(certPath, keyPath);
        }
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = settings.MaxBodyBytes;
            k.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(120);
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            void Tls(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions lo)
            {
                if (certificate is not null) lo.UseHttps(certificate);
            }
            if (settings.Host is null) k.ListenAnyIP(settings.Port, Tls);
            else if (settings.Host == "localhost") k.ListenLocalhost(settings.Port, Tls);
            else k.Listen(IPAddress.Parse(settings.Host), settings.Port, Tls);
        });
        var app = builder.Build();
        var dispatcher = new RequestDispatcher(State);
        _dispatcher = dispatcher;
        app.Run(dispatcher.HandleAsync);
        _app = app;
        await app.StartAsync().ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Port = addresses.Select(a => new Uri(a.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port)
            .FirstOrDefault(settings.Port);
        _healthTimer = new Timer(_ => State.Health.Refresh(), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        foreach (var server in State.McpServers)
        {
            server.StateChanged += State.Health.Refresh;
            server.Start();
        }
        _sweepTimer = new Timer(_ => Sweep(), null, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));
        if (!State.Authenticator.Enabled) Log.Warn("authentication disabled");
        foreach (var warning in _warnings) Log.Warn(warning);
        Log.Info("runtime started", new LogField("port", Port), new LogField("agents", State.AgentList.Count),
            new LogField("version", State.Version), new LogField("auth", State.Authenticator.Enabled ? "enabled" : "disabled"),
            new LogField("startup_ms", _startup.ElapsedMilliseconds));
    }

    /// <summary>The graceful shutdown of spec §1.6; safe to call more than once (later calls wait for the first).</summary>
    public async Task ShutdownAsync()
    {
        if (Interlocked.Exchange(ref _shutdownStarted, 1) == 1)
        {
            await Completion.ConfigureAwait(false);
            return;
        }
        var settings = State.Runtime.Settings;
        Log.Info("shutdown requested");
        State.Draining = true;
        if (settings.ShutdownDelay > TimeSpan.Zero) await Task.Delay(settings.ShutdownDelay).ConfigureAwait(false);
        State.Stopping = true;
        var inflight = State.Inflight;
        var cancelled = 0;
        using var bound = new Timer(_ =>
        {
            cancelled = State.Inflight;
            State.Runtime.ShutdownCancellation.Cancel();
        }, null, settings.ShutdownTimeout, Timeout.InfiniteTimeSpan);
        if (_app is not null)
        {
            using var hard = new CancellationTokenSource(settings.ShutdownTimeout + TimeSpan.FromSeconds(3));
            try
            {
                await _app.StopAsync(hard.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Connections still open at the hard bound were aborted.
            }
        }
        _healthTimer?.Dispose();
        _sweepTimer?.Dispose();
        await CloseMcpAsync().ConfigureAwait(false);
        State.Health.StopProbe();
        Log.Info("shutdown complete", new LogField("drained", Math.Max(0, inflight - cancelled)), new LogField("cancelled", cancelled));
        _completion.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _shutdownStarted) == 0 && _app is not null)
        {
            State.Runtime.ShutdownCancellation.Cancel();
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        _healthTimer?.Dispose();
        _sweepTimer?.Dispose();
        await CloseMcpAsync().ConfigureAwait(false);
        State.Health.StopProbe();
        if (_app is not null) await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task CloseMcpAsync()
    {
        foreach (var server in State.McpServers)
        {
            server.StateChanged -= State.Health.Refresh;
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Sweep()
    {
        var (evicted, active) = State.Sessions.Sweep();
        Log.Debug("session cleanup", new LogField("evicted", evicted), new LogField("active", active));
    }
}
