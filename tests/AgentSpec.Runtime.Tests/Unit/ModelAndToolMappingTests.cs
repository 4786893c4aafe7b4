using System.Text.Json.Nodes;
using AgentSpec.Runtime.Configuration;
using AgentSpec.Runtime.Providers;
using AgentSpec.Runtime.Tools;
using AgentSpec.RuntimeModel;
using Xunit;

namespace AgentSpec.Runtime.Tests.Unit;

public sealed class ModelAndToolMappingTests
{
    private static RuntimeEnvironment Env(params (string, string)[] pairs) => new(pairs.ToDictionary(p => p.Item1, p => p.Item2));

    [Theory]
    [InlineData("anthropic/claude-x", ProviderKind.Anthropic, "claude-x")]
    [InlineData("Anthropic/whatever", ProviderKind.Anthropic, "whatever")]
    [InlineData("claude-sonnet-4-20250514", ProviderKind.Anthropic, "claude-sonnet-4-20250514")]
    [InlineData("openai/gpt-4o", ProviderKind.OpenAI, "gpt-4o")]
    [InlineData("gpt-4o-mini", ProviderKind.OpenAI, "gpt-4o-mini")]
    [InlineData("o1", ProviderKind.OpenAI, "o1")]
    [InlineData("o4-mini", ProviderKind.OpenAI, "o4-mini")]
    [InlineData("openai-compatible/llama3:8b", ProviderKind.OpenAICompatible, "llama3:8b")]
    [InlineData("ollama/qwen2", ProviderKind.Ollama, "qwen2")]
    [InlineData("mock/echo", ProviderKind.Mock, "echo")]
    [InlineData("mock/scripted/x", ProviderKind.Mock, "scripted/x")]
    [InlineData("mistral-large", ProviderKind.Anthropic, "mistral-large")]
    public void Routes_by_prefix_and_name(string model, ProviderKind kind, string id)
    {
        var route = ModelRouter.Route(model, Env());
        Assert.Equal(kind, route.Provider);
        Assert.Equal(id, route.ModelId);
    }

    [Fact]
    public void Unknown_names_prefer_ollama_then_openai()
    {
        Assert.Equal(ProviderKind.Ollama, ModelRouter.Route("mistral", Env(("OLLAMA_HOST", "h"), ("OPENAI_API_KEY", "k"))).Provider);
        Assert.Equal(ProviderKind.OpenAI, ModelRouter.Route("mistral", Env(("OPENAI_API_KEY", "k"))).Provider);
        Assert.Equal("http://gpu:11434/v1", ProviderFactories.OllamaBaseUrl("gpu:11434"));
        Assert.Equal("http://localhost:11434/v1", ProviderFactories.OllamaBaseUrl(null));
        Assert.Equal("https://o.example/v1", ProviderFactories.OllamaBaseUrl("https://o.example/"));
    }

    [Fact]
    public void Schemas_follow_the_type_mapping()
    {
        var types = new Dictionary<string, TypeDefinition>
        {
            ["Color"] = new() { Enum = ["red", "green"] },
            ["Point"] = new() { Fields = [new RuntimeFieldDefinition { Name = "x", Type = "float", Required = true }] },
            ["Points"] = new() { ListOf = "Point" },
        };
        RuntimeFieldDefinition F(string name, string type, bool required = false) => new() { Name = name, Type = type, Required = required };
        var schema = ToolSchemaBuilder.Build([F("s", "text", true), F("i", "long"), F("n", "decimal"), F("b", "bool"), F("o", "map"), F("l", "array"),
            F("c", "Color"), F("p", "Point"), F("ps", "Points"), F("u", "uuid")], types);
        Assert.Equal(
            "{\"type\":\"object\",\"properties\":{\"s\":{\"type\":\"string\"},\"i\":{\"type\":\"integer\"},\"n\":{\"type\":\"number\"},\"b\":{\"type\":\"boolean\"},"
            + "\"o\":{\"type\":\"object\"},\"l\":{\"type\":\"array\"},\"c\":{\"type\":\"string\",\"enum\":[\"red\",\"green\"]},"
            + "\"p\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"}},\"required\":[\"x\"]},"
            + "\"ps\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"}},\"required\":[\"x\"]}},"
            + "\"u\":{\"type\":\"string\",\"description\":\"type: uuid\"}},\"required\":[\"s\"]}",
            schema.ToJsonString());
        Assert.Equal("{\"type\":\"object\",\"properties\":{}}", ToolSchemaBuilder.Build([], types).ToJsonString());
    }

    [Fact]
    public void Tool_names_are_sanitised_and_long_ones_hashed()
    {
        Assert.Equal("kb-search_v2_x", ToolNameSanitizer.Sanitize("kb-search.v2/x"));
        var longName = ToolNameSanitizer.Sanitize(new string('a', 70));
        Assert.Equal(64, longName.Length);
        Assert.Matches("^a{55}_[0-9a-f]{8}$", longName);
    }

    [Fact]
    public void Tool_input_validation()
    {
        var schema = JsonNode.Parse("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"n\":{\"type\":\"integer\"},\"c\":{\"type\":\"string\",\"enum\":[\"a\"]}},\"required\":[\"id\"]}")!.AsObject();
        System.Text.Json.JsonElement J(string s) => System.Text.Json.JsonDocument.Parse(s).RootElement;
        Assert.Null(ToolInputValidator.Check(J("{\"id\":\"x\",\"extra\":true}"), schema));
        Assert.Equal("missing required field \"id\"", ToolInputValidator.Check(J("{}"), schema));
        Assert.Equal("field \"n\" must be of type integer", ToolInputValidator.Check(J("{\"id\":\"x\",\"n\":1.5}"), schema));
        Assert.StartsWith("field \"c\" must be one of", ToolInputValidator.Check(J("{\"id\":\"x\",\"c\":\"b\"}"), schema));
    }
}
