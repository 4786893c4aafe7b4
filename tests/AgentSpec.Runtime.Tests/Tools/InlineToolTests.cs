using AgentSpec.Runtime.Tests.Infrastructure;
using AgentSpec.Runtime.Tools;
using Xunit;

namespace AgentSpec.Runtime.Tests.Tools;

public sealed class InlineToolTests
{
    private static string Doc(string language, string code, string? memory = null, string timeout = "10s") => Docs.Document(
        [new { name = "a", model = "mock/scripted", skills = new[] { "calc" } }],
        skills: new
        {
            calc = new
            {
                description = "d",
                input = new[] { new { name = "city", type = "string", required = true } },
                tool = new { type = "inline", language, code, memory, timeout },
            },
        });

    private static readonly string Script = Docs.Script(new { tool_calls = new[] { new { name = "calc", input = new { city = "Oslo" } } } }, new { text = "end" });

    [Theory]
    [InlineData("python3", "import os\nprint('weather in ' + input['city'] + ' home=' + str(os.getcwd() == os.environ['HOME']))\n", "weather in Oslo home=True")]
    [InlineData("bash", "echo \"raw=$input\"\n", "raw={\"city\":\"Oslo\"}")]
    public async Task Scripts_read_their_input(string language, string code, string expected)
    {
        await using var rt = await RunningRuntime.StartAsync(Doc(language, code), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", Script)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        Assert.Equal(200, status);
        Assert.Equal(expected, body!["tool_calls"]![0]!["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Node_scripts_run_when_node_is_installed()
    {
        if (BinaryResolver.Resolve("node", Environment.GetEnvironmentVariable("PATH"), ".") is null) return; // node is optional on this machine (spec §9.1)
        await using var rt = await RunningRuntime.StartAsync(Doc("node", "console.log(input.city.toUpperCase())"), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", Script)));
        var (_, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        Assert.Equal("OSLO", body!["tool_calls"]![0]!["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Memory_limit_kills_the_script()
    {
        var code = "import time\nx = b'a' * (300 * 1024 * 1024)\ntime.sleep(5)\nprint('survived')\n";
        await using var rt = await RunningRuntime.StartAsync(Doc("python3", code, "64"), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", Script)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        Assert.Equal(200, status);
        Assert.Equal("memory limit 64Mi exceeded", body!["tool_calls"]![0]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unsupported_language_fails_health_and_calls()
    {
        await using var rt = await RunningRuntime.StartAsync(Doc("cobol", "DISPLAY 'X'"), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", Script)));
        var (status, body, _) = await rt.GetAsync("/healthz");
        Assert.Equal(503, status);
        var check = body!["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "tool:calc")!;
        Assert.Equal("unsupported inline language \"cobol\"", check["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("64", 64L * 1024 * 1024)]
    [InlineData("128Mi", 128L * 1024 * 1024)]
    [InlineData("1Gi", 1024L * 1024 * 1024)]
    [InlineData(null, 64L * 1024 * 1024)]
    public void Memory_quantities(string? text, long bytes) => Assert.Equal(bytes, InlineTool.ParseMemory(text, 64).Bytes);
}
