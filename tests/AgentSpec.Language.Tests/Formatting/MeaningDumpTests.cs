using AgentSpec.Parsing;

namespace AgentSpec.Tests.Formatting;

/// <summary>The meaning oracle used by the formatter tests tells different documents apart and equal ones together.</summary>
public sealed class MeaningDumpTests
{
    private const string Header = "package \"m\" version \"1.0.0\" lang \"2.0\"\n";

    private static string Dump(string body) => MeaningDump.Of(SyntaxParser.Parse(Header + body, "m.ias"));

    [Theory]
    [InlineData("agent \"a\" { model \"m\" }", "agent \"a\" { model \"n\" }")]
    [InlineData("agent \"a\" { uses skill \"x\" uses skill \"y\" }", "agent \"a\" { uses skill \"y\" uses skill \"x\" }")]
    [InlineData("deploy \"d\" target \"process\" { env { A \"1\" B \"2\" } }", "deploy \"d\" target \"process\" { env { B \"2\" A \"1\" } }")]
    [InlineData("policy \"p\" { deny model a\nallow model b }", "policy \"p\" { allow model b\ndeny model a }")]
    [InlineData("agent \"a\" { max_turns 5 }", "agent \"a\" { max_turns 6 }")]
    public void Different_documents_have_different_dumps(string left, string right) =>
        Assert.NotEqual(Dump(left), Dump(right));

    [Theory]
    [InlineData("agent \"a\" { model \"m\" uses prompt \"p\" }", "agent \"a\" {\n  uses prompt \"p\"\n  model \"m\"\n}")]
    [InlineData("agent \"a\" { prompt p loop react }", "agent \"a\" { uses prompt \"p\" strategy \"react\" }")]
    [InlineData("secret \"s\" { env K }", "secret \"s\" { env(K) }")]
    [InlineData("skill \"s\" { tool command { args \"-v\" } }", "skill \"s\" { tool command { args [\"-v\"] } }")]
    [InlineData("deploy \"d\" target \"process\" { default }", "deploy \"d\" target \"process\" { default true }")]
    public void Equivalent_documents_have_equal_dumps(string left, string right) =>
        Assert.Equal(Dump(left), Dump(right));
}
