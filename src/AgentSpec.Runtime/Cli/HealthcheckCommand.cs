using System.Text.Json;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Cli;

/// <summary><c>agentspec healthcheck</c> (spec §1.1): exit 0 on HTTP 200, 1 on anything else (never 2).</summary>
public static class HealthcheckCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        string? url = null;
        var host = "127.0.0.1";
        int? port = null;
        var path = "/healthz";
        var timeout = TimeSpan.FromSeconds(5);
        try
        {
            var reader = new ArgumentReader(args, 1);
            while (!reader.Done)
            {
                var arg = reader.Next(out var inline);
                switch (arg)
                {
                    case "--url": url = reader.Value(arg, inline); break;
                    case "--host": host = reader.Value(arg, inline); break;
                    case "--port": port = reader.Port(arg, inline); break;
                    case "--path": path = reader.Value(arg, inline); break;
                    case "--timeout":
                        var text = reader.Value(arg, inline);
                        if (!DurationText.TryParse(text, out timeout)) throw new UsageException($"--timeout: invalid duration \"{text}\"");
                        break;
                    default: throw new UsageException($"healthcheck: unknown option \"{arg}\"");
                }
            }
        }
        catch (UsageException ex)
        {
            stdout.WriteLine($"usage error: {ex.Message}");
            return 1;
        }
        if (port is null) port = int.TryParse(Environment.GetEnvironmentVariable("PORT"), out var p) ? p : 8080;
        if (!path.StartsWith('/')) path = "/" + path;
        var target = url ?? $"http://{(host.Contains(':') ? $"[{host}]" : host)}:{port}{path}";
        try
        {
            using var client = new HttpClient { Timeout = timeout };
            using var response = await client.GetAsync(target).ConfigureAwait(false);
            if ((int)response.StatusCode == 200)
            {
                stdout.WriteLine("healthy");
                return 0;
            }
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            stdout.WriteLine($"{(int)response.StatusCode} {FailingChecks(body)}".TrimEnd());
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            stdout.WriteLine($"unhealthy: {ex.Message}");
            return 1;
        }
    }

    private static string FailingChecks(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var status = doc.RootElement.TryGetProperty("status", out var s) ? s.GetString() : null;
            var failing = doc.RootElement.TryGetProperty("checks", out var checks)
                ? checks.EnumerateArray().Where(c => c.GetProperty("status").GetString() == "fail").Select(c => c.GetProperty("name").GetString())
                : [];
            return $"{status} {string.Join(" ", failing)}";
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return "";
        }
    }
}
