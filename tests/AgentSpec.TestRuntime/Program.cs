using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentSpec.TestRuntime;

/// <summary>Entry point: <c>version --json</c> and <c>run --config F --host H --port N [--log-file L] [--detached] [--stop-file S]</c>.</summary>
internal static partial class Program
{
    [LibraryImport("libc", SetLastError = true)]
    private static partial int setsid();

    public static int Main(string[] args)
    {
        if (args.Length >= 1 && args[0] == "version")
        {
            Console.WriteLine("{\"version\":\"0.0.0-test\",\"rid\":\"" + RuntimeInformation.RuntimeIdentifier + "\"}");
            return 0;
        }

        if (args.Length == 0 || args[0] != "run")
        {
            Console.Error.WriteLine("usage: agentspec run --config F --host H --port N");
            return 2;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--detached")
            {
                flags.Add(args[i]);
            }
            else if (i + 1 < args.Length)
            {
                options[args[i]] = args[++i];
            }
        }

        if (flags.Contains("--detached") && !OperatingSystem.IsWindows())
        {
            _ = setsid();
        }

        using var log = options.TryGetValue("--log-file", out var logPath)
            ? new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true }
            : new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
        void Log(string level, string message, JsonObject? fields = null)
        {
            var record = fields ?? new JsonObject();
            record["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            record["level"] = level;
            record["message"] = message;
            log.WriteLine(record.ToJsonString());
        }

        if (!options.TryGetValue("--config", out var configPath) || !File.Exists(configPath))
        {
            Log("error", "configuration not found");
            return 3;
        }

        JsonObject config;
        try
        {
            config = JsonNode.Parse(File.ReadAllText(configPath)) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException exception)
        {
            Log("error", "invalid configuration: " + exception.Message);
            return 3;
        }

        var host = options.GetValueOrDefault("--host", "127.0.0.1");
        var port = options.GetValueOrDefault("--port", "8080");
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://{host}:{port}/");
        try
        {
            listener.Start();
        }
        catch (HttpListenerException exception)
        {
            Log("error", "cannot listen: " + exception.Message);
            return 1;
        }

        var secrets = (config["secrets"] as JsonObject ?? new JsonObject()).Select(p => p.Value?["env"]?.GetValue<string>()).OfType<string>().ToList();
        Log("info", "runtime started", new JsonObject
        {
            ["port"] = port,
            ["agents"] = (config["agents"] as JsonArray)?.Count ?? 0,
            ["secrets_present"] = new JsonArray(secrets.Where(s => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(s))).Select(s => (JsonNode?)s).ToArray()),
        });

        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        var stopFile = options.GetValueOrDefault("--stop-file");
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (stopFile is not null && File.Exists(stopFile))
                {
                    stop.Cancel();
                }

                await Task.Delay(500).ConfigureAwait(false);
            }

            listener.Stop();
        });

        var specHash = config["spec_hash"]?.GetValue<string>() ?? string.Empty;

        // TEST_UNHEALTHY_SECONDS=N: the health endpoint answers 503 for the first N seconds (a slow start for the tests).
        var unhealthyUntil = DateTimeOffset.UtcNow.AddSeconds(
            int.TryParse(Environment.GetEnvironmentVariable("TEST_UNHEALTHY_SECONDS"), out var seconds) ? seconds : 0);
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = listener.GetContext();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            var path = context.Request.Url?.AbsolutePath ?? "/";
            var body = path == "/healthz" || path == config["deploy"]?["health_path"]?.GetValue<string>()
                ? "{\"status\":\"healthy\",\"spec_hash\":\"" + specHash + "\"}"
                : null;
            context.Response.StatusCode = body is null ? 404 : DateTimeOffset.UtcNow < unhealthyUntil ? 503 : 200;
            var bytes = Encoding.UTF8.GetBytes(body ?? "{\"error\":\"not_found\"}");
            context.Response.ContentType = "application/json";
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
            Log("info", "request", new JsonObject { ["path"] = path, ["status"] = context.Response.StatusCode });
        }

        Log("info", "shutdown complete");
        return 0;
    }
}
