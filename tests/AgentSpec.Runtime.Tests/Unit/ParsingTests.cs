using AgentSpec.Runtime.Http;
using AgentSpec.Runtime.Providers.Mock;
using AgentSpec.Runtime.Strategies;
using AgentSpec.RuntimeModel;
using Xunit;

namespace AgentSpec.Runtime.Tests.Unit;

public sealed class ParsingTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("2m3s", 123_000)]
    public void Durations(string text, long ms) => Assert.Equal(ms, (long)DurationText.Parse(text).TotalMilliseconds);

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("3x")]
    public void Invalid_durations(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1500, "1.5s")]
    [InlineData(3_723_500, "1h2m3.5s")]
    [InlineData(60_000, "1m0s")]
    [InlineData(3_600_000, "1h0m0s")]
    [InlineData(1_234, "1.234s")]
    public void Uptime_format(long ms, string expected) => Assert.Equal(expected, UptimeFormatter.Format(TimeSpan.FromMilliseconds(ms)));

    [Fact]
    public void Ulids_are_26_crockford_characters_and_sort_by_time()
    {
        var a = CorrelationIds.NewUlid();
        Thread.Sleep(2);
        var b = CorrelationIds.NewUlid();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", a);
        Assert.True(string.CompareOrdinal(a, b) < 0);
        Assert.True(CorrelationIds.IsValid("abc-1.2_3:4"));
        Assert.False(CorrelationIds.IsValid("with space"));
        Assert.False(CorrelationIds.IsValid(new string('a', 129)));
    }

    [Fact]
    public void Plan_steps_are_numbered_lines_or_the_whole_text()
    {
        Assert.Equal(["a", "b", "c"], PlanParser.Parse("Plan:\n1. a\n2) b\nStep 3: c\nnot a step"));
        Assert.Equal(["do everything"], PlanParser.Parse(" do everything "));
    }

    [Theory]
    [InlineData("billing-agent", "billing-agent")]
    [InlineData("`billing-agent`.", "billing-agent")]
    [InlineData("\"Tech-Agent\"", "tech-agent")]
    [InlineData("**billing-agent**", "billing-agent")]
    [InlineData("I would pick tech-agent for this", "tech-agent")]
    [InlineData("NONE", null)]
    [InlineData("none.", null)]
    [InlineData("billing-agent or tech-agent", null)]
    [InlineData("something else", null)]
    public void Route_answers(string answer, string? expected) =>
        Assert.Equal(expected, RouteAnswerParser.Parse(answer, ["billing-agent", "tech-agent"]));

    [Theory]
    [InlineData("SATISFACTORY", true)]
    [InlineData("\n  Satisfactory.  \nmore", true)]
    [InlineData("satisfactory!", true)]
    [InlineData("UNSATISFACTORY: too short", false)]
    [InlineData("Mostly satisfactory but", false)]
    public void Critique_verdicts(string critique, bool satisfied) => Assert.Equal(satisfied, CritiqueParser.IsSatisfied(critique));

    [Fact]
    public void Map_input_splits_on_blank_lines_or_json_arrays_and_merges_to_32()
    {
        Assert.Equal(["p1", "p2", "p3"], InputSplitter.Split("p1\n\n p2 \n \t\np3\n\n\n"));
        Assert.Equal(["x", "{\"a\":1}", "2"], InputSplitter.Split("[\"x\",{\"a\":1},2]"));
        var many = InputSplitter.Split(string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"c{i}")));
        Assert.Equal(32, many.Count);
        Assert.StartsWith("c1", many[0]);
        Assert.EndsWith("c40", many[^1]);
    }

    [Fact]
    public void Mock_scripts_parse_named_scripts_and_repeat_the_last_step()
    {
        var book = MockScriptBook.Parse("{\"scripts\":{\"x\":[{\"text\":\"one\"},{\"text\":\"two\",\"usage\":{\"input\":1,\"output\":2}}]}}");
        Assert.True(book.Contains("x"));
        Assert.False(book.Contains("default"));
        Assert.Equal("one", book.Next("x").Step.Text);
        Assert.Equal("two", book.Next("x").Step.Text);
        var (step, call) = book.Next("x");
        Assert.Equal("two", step.Text);
        Assert.Equal(3, call);
        Assert.Throws<FormatException>(() => MockScriptBook.Parse("{\"nope\":1}"));
        Assert.Throws<FormatException>(() => MockScriptBook.Parse("[]"));
        Assert.Throws<FormatException>(() => MockScriptBook.Parse("[{\"error\":{}}]"));
        Assert.Throws<FormatException>(() => MockScriptBook.Load("/definitely/missing/script.json"));
    }

    [Fact]
    public void Runtime_documents_take_defaults_and_ignore_unknown_fields()
    {
        var doc = RuntimeDocumentSerializer.Deserialize("{\"format_version\":1,\"future\":true,\"agents\":[{\"name\":\"a\",\"model\":\"mock/echo\",\"x\":1}]}", "t");
        var a = doc.Agents[0];
        Assert.Equal("react", a.Strategy);
        Assert.Equal(10, a.MaxTurns);
        Assert.Equal("30s", a.Timeout);
        Assert.Equal(100000, a.TokenBudget);
        Assert.Equal("fail", a.OnError);
        Assert.Equal(0, a.EffectiveMaxRetries);
        Assert.Equal(4096, a.EffectiveMaxTokens);
        Assert.False(a.Stream);
        Assert.Equal(3, new AgentDefinition { OnError = "retry" }.EffectiveMaxRetries);
        Assert.True(RuntimeDocumentSerializer.IsRuntimeDocument("{\"format_version\":1}"));
        // The engine's config.json writes an empty prompt name for prompt-less agents and always a models chain.
        var engine = RuntimeDocumentSerializer.Deserialize("{\"format_version\":1,\"agents\":[{\"name\":\"b\",\"prompt\":\"\",\"models\":[\"mock/echo\"],\"config\":[{\"name\":\"p\",\"type\":\"int\",\"required\":false,\"secret\":false,\"default\":\"5\"}]}]}", "engine");
        Assert.Equal(["mock/echo"], engine.Agents[0].ModelChain);
        Assert.False(RuntimeDocumentSerializer.IsRuntimeDocument("{\"agent\":{\"p\":1}}"));
    }
}
