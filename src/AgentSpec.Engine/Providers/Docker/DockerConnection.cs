using System.Text.Json.Nodes;
using global::Docker.DotNet;

namespace AgentSpec.Engine.Providers.Docker;

/// <summary>
/// The Docker endpoint (deployment spec §2.4, §7.2): <c>DOCKER_HOST</c> (<c>unix://</c>, <c>npipe://</c>, <c>tcp://</c>), else the
/// platform default. <see cref="ConnectAsync"/> pings, requires API ≥ 1.41 and reads the engine identity.
/// </summary>
public sealed class DockerConnection : IDisposable
{
    public static readonly Version MinimumApi = new(1, 41);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private DockerConnection(string endpoint, DockerClient client)
    {
        Endpoint = endpoint;
        Client = client;
    }

    public string Endpoint { get; }

    public DockerClient Client { get; }

    /// <summary>The engine's ID (from <c>/info</c>) once connected.</summary>
    public string? EngineId { get; private set; }

    /// <summary>The engine's architecture (<c>x86_64</c>, <c>aarch64</c>) once connected.</summary>
    public string? Architecture { get; private set; }

    /// <summary>The configured endpoint, read offline.</summary>
    public static string EndpointFromEnvironment() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host
            ? host
            : OperatingSystem.IsWindows() ? "npipe://./pipe/docker_engine" : "unix:///var/run/docker.sock";

    public static JsonObject EndpointIdentity() => new() { ["endpoint"] = EndpointFromEnvironment() };

    /// <summary>A client for the configured endpoint (no network traffic yet).</summary>
    public static DockerConnection Open()
    {
        var endpoint = EndpointFromEnvironment();
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "npipe" or "tcp" or "http" or "https"))
        {
            throw new AgentSpecException(ErrorIds.TargetUnreachable, AgentSpecErrorCategory.InvalidArgument,
                $"DOCKER_HOST \"{endpoint}\" is not a Docker endpoint (expected unix://, npipe:// or tcp://).", endpoint)
            {
                RecommendedAction = "Set DOCKER_HOST to unix:///var/run/docker.sock, tcp://host:2375 or unset it.",
            };
        }

        var configuration = new DockerClientConfiguration(uri, null, TimeSpan.FromMinutes(10));
        return new DockerConnection(endpoint, configuration.CreateClient(MinimumApi));
    }

    /// <summary>Pings the engine and checks its API version (10 s); failure is <c>TargetUnreachable</c>.</summary>
    public async Task ConnectAsync(CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await Client.System.PingAsync(timeout.Token).ConfigureAwait(false);
            var version = await Client.System.GetVersionAsync(timeout.Token).ConfigureAwait(false);
            if (!Version.TryParse(version.APIVersion, out var api) || api < MinimumApi)
            {
                throw new AgentSpecException(ErrorIds.TargetUnreachable, AgentSpecErrorCategory.NotInstalled,
                    $"The Docker engine at {Endpoint} speaks API {version.APIVersion}; AgentSpec needs {MinimumApi} or later (Docker 20.10+).", Endpoint)
                {
                    RecommendedAction = "Upgrade the Docker engine.",
                };
            }

            var info = await Client.System.GetSystemInfoAsync(timeout.Token).ConfigureAwait(false);
            EngineId = info.ID;
            Architecture = info.Architecture;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TimeoutException or DockerApiException
            or System.Net.Sockets.SocketException || (exception is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            throw Unreachable(Endpoint, exception);
        }
    }

    public static AgentSpecException Unreachable(string endpoint, Exception exception)
    {
        var reason = Innermost(exception);
        return new AgentSpecException(ErrorIds.TargetUnreachable, AgentSpecErrorCategory.ConnectionError,
            $"Cannot reach the Docker engine at {endpoint}: {reason}. Is dockerd running? Check DOCKER_HOST.", endpoint, innerException: exception)
        {
            RecommendedAction = "Start the Docker engine (dockerd) or point DOCKER_HOST at a running one.",
        };
    }

    public void Dispose() => Client.Dispose();

    private static string Innermost(Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            return $"no answer within {ConnectTimeout.TotalSeconds:0} s";
        }

        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner is System.Net.Sockets.SocketException socket
            ? socket.SocketErrorCode switch
            {
                System.Net.Sockets.SocketError.ConnectionRefused => "connection refused",
                System.Net.Sockets.SocketError.AddressNotAvailable or System.Net.Sockets.SocketError.AddressFamilyNotSupported => "address not available",
                _ => inner.Message.TrimEnd('.'),
            }
            : inner.Message.TrimEnd('.');
    }
}
