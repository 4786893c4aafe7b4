using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Http;

public sealed class PromptVariableTests
{
    private static string Doc() => Docs.Document([new { name = "a", model = "mock/scripted", prompt = "greet" }],
        prompts: new
        {
            greet = new
            {
                content = "Hello {{name}}, you are {{ role }}. {{undeclared}}",
                variables = new object[] { new { name = "name", type = "string", required = true }, new { name = "role", type = "string", required = false, @default = "assistant" } },
            },
        });

    [Fact]
    public async Task Variables_are_rendered_once_with_defaults_and_required_ones_checked()
    {
        var script = Docs.Script(new { text = "ok", expect = new { system_contains = "Hello Ada, you are assistant. {{undeclared}}" } });
        await using var rt = await RunningRuntime.StartAsync(Doc(), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        Assert.Equal(200, (await rt.PostAsync("/v1/agents/a/invoke", new { message = "m", variables = new { name = "Ada" } })).Status);
        var (s, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "m" });
        Assert.Equal(400, s);
        Assert.Equal("missing required variable \"name\" for prompt \"greet\"", body!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Inserted_values_are_not_rescanned()
    {
        var script = Docs.Script(new { text = "ok", expect = new { system_contains = "Hello {{role}}, you are assistant." } });
        await using var rt = await RunningRuntime.StartAsync(Doc(), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var (s, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "m", variables = new { name = "{{role}}" } });
        Assert.Equal(200, s);
        Assert.Equal("ok", body!["output"]!.GetValue<string>());
    }
}
