using System.Net.Http.Json;
using AgentSpec.Engine;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Logs;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;

namespace AgentSpec.Docker.Tests;

/// <summary>
/// <c>Get-AgentSpecLog</c> for a docker target on the real engine (deployment spec §7.2, §10.3.13): container logs with
/// timestamps, parsed JSON records of the runtime, no secret value in any record, and <c>-Follow</c>
/// delivering a record written after it started until it is cancelled.
/// </summary>
[Collection(DockerEnvironment.Name)]
public sealed class DockerLogsTests : IAsyncLifetime
{
    private const string SecretValue = "docker-log-secret-value-0123456789";
    private readonly DockerFixture _docker;
    private readonly string _folder = DockerFixture.TempFolder();
    private readonly string _variable = "AGENTSPEC_DOCKER_LOG_SECRET_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly int _port = 20000 + Random.Shared.Next(20000);

    public DockerLogsTests(DockerFixture docker) => _docker = docker;

    private string SpecPath => Path.Combine(_folder, "agent.ias");

    private string StatePath => Path.Combine(_folder, StateStore.DefaultFileName);

    private static string Unit => "docker-logs-staging";

    public Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(_variable, SecretValue);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        if (!_docker.Skip && _docker.Unavailable is null)
        {
            await _docker.RemoveLeftoversAsync();
        }
    }

    [Fact]
    public async Task ContainerLogsAreParsedRedactedAndFollowed()
    {
        if (!_docker.Ready())
        {
            return;
        }

        WriteSpec();
        var settings = new PlanSettings { StatePath = StatePath, Secrets = SecretResolver.Default([]) };
        using (var session = DeploymentEngine.BeginApply(SpecResolver.Resolve(SpecPath, null, "staging"), null, settings, TimeSpan.Zero, _ => { }, CancellationToken.None))
        {
            var report = await session.ExecuteAsync(new ApplyOptions { HealthTimeout = TimeSpan.FromSeconds(60) }, NullEngineEvents.Instance, CancellationToken.None);
            Assert.True(report.Outcome == "succeeded", string.Join("\n", report.Results.Select(r => $"{r.Address}: {r.Status} {r.Error}")));
        }

        // Get-AgentSpecDeployment: the container's health and the published port.
        var status = Assert.Single(DeploymentEngine.Status(StatePath, [], checkHealth: true));
        Assert.Equal((DeploymentHealth.Healthy, $"http://127.0.0.1:{_port}"), (status.Health, status.Endpoint));

        // The mock model echoes the message and AGENTSPEC_LOG_CONTENT logs it: the secret value passes through the log
        // (the runtime masks it itself as well, so this checks the end result: no record carries the value).
        await InvokeAsync(SecretValue);
        var records = await ReadAsync(new LogQuery { Tail = 0 });
        Assert.NotEmpty(records);
        Assert.All(records, r =>
        {
            Assert.Equal(Unit, r.Source);
            Assert.NotNull(r.Time);
            Assert.DoesNotContain(SecretValue, r.Raw, StringComparison.Ordinal);
            Assert.DoesNotContain(SecretValue, r.Message, StringComparison.Ordinal);
        });
        Assert.Contains(records, r => r.Message == "runtime started" && r.Level == "info" && r.Fields["port"] is not null);
        var agentRecords = records.Where(r => r.Agent == "assistant").ToList();
        Assert.NotEmpty(agentRecords);
        Assert.Contains(agentRecords, r => r.Message == "model content" && r.Raw.Contains("***REDACTED***", StringComparison.Ordinal));
        Assert.All(agentRecords, r => Assert.False(string.IsNullOrEmpty(r.CorrelationId)));

        // -Tail and -Agent select as for the process target.
        var last = Assert.Single(await ReadAsync(new LogQuery { Tail = 1 }));
        Assert.Equal(records[^1].Raw, last.Raw);
        Assert.Equal(agentRecords.Count, (await ReadAsync(new LogQuery { Tail = 0, Agent = a => a == "assistant" })).Count);

        // -Follow: the last record, then one written afterwards, until cancelled.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new System.Collections.Concurrent.ConcurrentQueue<LogRecord>();
        var marker = "follow-" + Guid.NewGuid().ToString("N");
        var follow = Task.Run(async () =>
        {
            await foreach (var record in TargetLogs.Read(StatePath, "staging", new LogQuery { Tail = 1, Follow = true }, SecretResolver.Default([]), null, stop.Token))
            {
                seen.Enqueue(record);
            }
        });
        await WaitAsync(() => !seen.IsEmpty);
        await InvokeAsync(marker);
        await WaitAsync(() => seen.Any(r => r.Raw.Contains(marker, StringComparison.Ordinal)));
        Assert.False(follow.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => follow);
        Assert.Contains(seen, r => r.Raw.Contains(marker, StringComparison.Ordinal) && r.Agent == "assistant");
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "the expected log record did not arrive within 30 s");
    }

    private async Task<List<LogRecord>> ReadAsync(LogQuery query)
    {
        var records = new List<LogRecord>();
        await foreach (var record in TargetLogs.Read(StatePath, "staging", query, SecretResolver.Default([]), null, CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    private async Task InvokeAsync(string message)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var response = await http.PostAsJsonAsync($"http://127.0.0.1:{_port}/v1/agents/assistant/invoke", new { message });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private void WriteSpec() => File.WriteAllText(SpecPath, $$"""
        package "docker-logs" version "0.1.0" lang "2.0"

        prompt "system" {
          content "Be brief."
        }

        agent "assistant" {
          uses prompt "system"
          model "mock/echo"
        }

        secret "token" {
          env({{_variable}})
        }

        deploy "staging" target "docker" {
          port {{_port}}
          health {
            path "/healthz"
            interval "2s"
            timeout "1s"
          }
          env {
            LOG_LEVEL "debug"
            LOG_FORMAT "json"
            AGENTSPEC_LOG_CONTENT "true"
          }
          secrets {
            EXTRA_TOKEN "token"
          }
        }
        """);
}
