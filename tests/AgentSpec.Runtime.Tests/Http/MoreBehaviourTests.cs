using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Hosting;
using AgentSpec.Runtime.Tests.Infrastructure;
using AgentSpec.RuntimeModel;
using Xunit;

namespace AgentSpec.Runtime.Tests.Http;

public sealed class MoreBehaviourTests
{
    [Fact]
    public async Task Pipeline_input_templates_render_run_input_and_step_outputs()
    {
        var doc = Docs.Document([new { name = "e", model = "mock/echo" }],
            pipelines: new
            {
                flow = new
                {
                    steps = new object[]
                    {
                        new { name = "first", agent = "e", input = "Start with {{input}}" },
                        new { name = "second", agent = "e", input = "After: {{ steps.first.output }} / {{input}}", depends_on = new[] { "first" }, when = "first.ok" },
                    },
                },
            });
        await using var rt = await RunningRuntime.StartAsync(doc);
        var (status, body, _) = await rt.PostAsync("/v1/pipelines/flow/run", new { input = "x" });
        Assert.Equal(200, status);
        Assert.Equal("After: Start with x / x", body!["output"]!.GetValue<string>());
        Assert.Equal("Start with x", body["steps"]!["first"]!["output"]!.GetValue<string>());
        Assert.Contains("agentspec_pipeline_runs_total{pipeline=\"flow\",status=\"completed\"} 1", await rt.MetricsAsync());
        Assert.Contains("step \"second\": when conditions are not evaluated", rt.Log.ToString());
    }

    [Fact]
    public async Task Retry_attempts_are_announced_on_streams()
    {
        var doc = Docs.Document([new { name = "a", model = "mock/scripted", on_error = "retry", max_retries = 1 }]);
        var script = Docs.Script(new { error = new { status = 500, message = "boom" } }, new { text = "second try" });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script), ("AGENTSPEC_PROVIDER_RETRIES", "0")));
        var events = await rt.StreamAsync("a", new { message = "x" });
        var retry = Assert.Single(events, e => e.Event == "retry");
        Assert.Equal(2, retry.Data["attempt"]!.GetValue<int>());
        Assert.Equal("second try", events[^1].Data["output"]!.GetValue<string>());
        Assert.Equal("done", events[^1].Event);
    }

    [Fact]
    public async Task Session_cap_evicts_the_least_recently_used_idle_session()
    {
        var doc = Docs.Document([new { name = "a", model = "mock/echo" }]);
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MAX_SESSIONS", "2")));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await rt.PostAsync("/v1/agents/a/sessions", null)).Body!["session_id"]!.GetValue<string>());
        Assert.Equal(404, (await rt.PostAsync($"/v1/agents/a/sessions/{ids[0]}", new { message = "x" })).Status);
        Assert.Equal(200, (await rt.PostAsync($"/v1/agents/a/sessions/{ids[2]}", new { message = "x" })).Status);
        var (_, list, _) = await rt.GetAsync("/v1/agents/a/sessions?limit=1");
        Assert.Equal(2, list!["total"]!.GetValue<int>());
        Assert.Single(list["sessions"]!.AsArray());
        Assert.Equal(400, (await rt.GetAsync("/v1/agents/a/sessions?limit=0")).Status);
    }

    [Fact]
    public async Task Tls_serves_https_with_the_given_pem_pair()
    {
        using var dir = new TempDirectory();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var certPath = dir.WriteFile("cert.pem", certificate.ExportCertificatePem());
        var keyPath = dir.WriteFile("key.pem", key.ExportPkcs8PrivateKeyPem());
        var server = RuntimeServer.Create(new RuntimeServerOptions
        {
            Document = RuntimeDocumentSerializer.Deserialize(Docs.Document([new { name = "a", model = "mock/echo" }]), "t"),
            Environment = new RuntimeEnvironment(new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }),
            Host = "127.0.0.1",
            Port = 0,
            LogWriter = new SyncStringWriter(),
            TlsCertificate = certPath,
            TlsKey = keyPath,
        });
        await using (server)
        {
            await server.StartAsync();
            var thumbprint = certificate.Thumbprint;
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == thumbprint };
            using var client = new HttpClient(handler);
            var response = await client.GetAsync($"https://127.0.0.1:{server.Port}/healthz");
            Assert.Equal(200, (int)response.StatusCode);
        }
    }

    [Fact]
    public async Task Client_disconnect_cancels_a_stream_without_saving_the_session()
    {
        var doc = Docs.Document([new { name = "a", model = "mock/scripted" }]);
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", Docs.Script(new { text = "late", delay_ms = 3000 }))));
        var (_, created, _) = await rt.PostAsync("/v1/agents/a/sessions", null);
        var id = created!["session_id"]!.GetValue<string>();
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/v1/agents/a/stream") { Content = new StringContent($"{{\"message\":\"x\",\"session_id\":\"{id}\"}}") })
        {
            using var response = await rt.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        }
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string metrics;
        do
        {
            metrics = await rt.MetricsAsync();
            if (metrics.Contains("status=\"cancelled\"", StringComparison.Ordinal)) break;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Contains("agentspec_invocations_total{agent=\"a\",status=\"cancelled\",source=\"session\"} 1", metrics);
        var (_, list, _) = await rt.GetAsync("/v1/agents/a/sessions");
        Assert.Equal(0, list!["sessions"]![0]!["turns"]!.GetValue<int>());
    }
}
