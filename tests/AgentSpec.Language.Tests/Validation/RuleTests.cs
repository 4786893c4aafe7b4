using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Validation;

/// <summary>One positive and one negative case per validator rule, on small documents built around a valid base.</summary>
public sealed class RuleTests
{
    private const string Header = "package \"t\" version \"1.0.0\" lang \"2.0\"\nprompt \"p\" { content \"Hi.\" }\n";

    private static string Agent(string body, string name = "a") => $"agent \"{name}\" {{ uses prompt \"p\" model \"m\" {body} }}\n";

    [Theory]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" on_error \"fallback\" fallback \"a\" }", "AS2003", "agent \"a\" cannot fall back to itself")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" delegate to agent \"a\" }", "AS2003", "agent \"a\" cannot delegate to itself")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" on input { delegate to agent a } }", "AS2003", "agent \"a\" cannot delegate to itself")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" delegate to agent \"b\" }\nagent \"b\" { uses prompt \"p\" model \"m\" on input { delegate to agent a } }", "AS2004", "circular delegation chain: a -> b -> a")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" config { x int\n x string } }", "AS2007", "duplicate config parameter \"x\" in agent \"a\"")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" validate { rule r\n rule r } }", "AS2007", "duplicate rule \"r\" in agent \"a\"")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" eval { case c input \"i\" expect \"e\"\n case c input \"i\" expect \"e\" } }", "AS2007", "duplicate case \"c\" in agent \"a\"")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" uses skill \"s\" on input { use skill s with { q: 1, q: 2 } } }\nskill \"s\" { description \"d\" input { q string } output { r string } tool command { binary \"b\" } }", "AS2007", "duplicate with key \"q\" in agent \"a\"")]
    [InlineData("skill \"s\" { description \"d\" input { q string q int } output { r string } tool command { binary \"b\" } }", "AS2007", "duplicate field \"q\" in skill \"s\"")]
    [InlineData("type \"L\" enum [\"x\", \"x\"]", "AS2007", "duplicate value \"x\" in type \"L\"")]
    [InlineData("pipeline \"pl\" { step \"s\" { agent \"w\" }\n step \"s\" { agent \"w\" } }\nagent \"w\" { uses prompt \"p\" model \"m\" }", "AS2007", "duplicate step \"s\" in pipeline \"pl\"")]
    [InlineData("pipeline \"pl\" { step \"s\" { agent \"w\" depends_on [\"s\"] } }\nagent \"w\" { uses prompt \"p\" model \"m\" }", "AS2006", "step \"s\" cannot depend on itself")]
    [InlineData("pipeline \"pl\" { step \"s\" { agent \"w\" input \"{{steps.x.output}}\" } }\nagent \"w\" { uses prompt \"p\" model \"m\" }", "AS2021", "step \"s\" refers to unknown step \"x\"")]
    [InlineData("agent \"a\" { uses prompt \"p\" }", "AS3004", "agent \"a\" requires 'model' or 'models'")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" on_error \"fallback\" }", "AS3004", "agent \"a\" requires 'fallback' because on_error is \"fallback\"")]
    [InlineData("secret \"s\" { }", "AS3004", "secret \"s\" requires a source: env(VAR) or store(path)")]
    [InlineData("skill \"s\" { description \"d\" input { q string } output { r string } tool http { method GET } }", "AS3004", "skill \"s\" requires 'url' in its http tool")]
    [InlineData("server \"x\" { transport \"stdio\" }", "AS3004", "server \"x\" requires 'command' for transport \"stdio\"")]
    [InlineData("guardrail \"g\" { mode \"block\" keywords [\"k\"] }", "AS3004", "guardrail \"g\" requires 'fallback' in block mode")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" eval { case c input \"i\" } }", "AS3004", "agent \"a\" requires 'expect' in eval case \"c\"")]
    [InlineData("deploy \"d\" target \"kubernetes\" { autoscale { min 2 } }", "AS3004", "deploy \"d\" requires 'max' in its autoscale block")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" models [\"x\"] }", "AS3005", "agent \"a\" sets both 'model' and 'models'")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" config { k string secret default \"x\" } }", "AS3005", "config parameter \"k\" sets both 'secret' and 'default'")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" strategy plan-execute }", "AS3006", "invalid strategy \"plan-execute\" for agent \"a\"")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" validate { rule r fatal } }", "AS3006", "invalid severity \"fatal\" for agent \"a\"")]
    [InlineData("user \"u\" { key \"K\" role owner }", "AS3006", "invalid role \"owner\" for user \"u\"")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" memory { strategy everything } }", "AS3007", "unknown strategy \"everything\"")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" temperature 2.5 }", "AS3008", "'temperature' must be between 0 and 2, found 2.5")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" max_turns 0 }", "AS3008", "'max_turns' must be at least 1, found 0")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" eval { case c input \"i\" expect \"e\" threshold 1.5 } }", "AS3008", "'threshold' must be between 0 and 1, found 1.5")]
    [InlineData("skill \"s\" { description \"d\" input { q string } output { r string } tool inline { language python code \"x\" memory \"512Ki\" } }", "AS3008", "'memory' must be at least 1 MiB, found 512Ki")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" timeout \"30 seconds\" }", "AS3009", "invalid duration \"30 seconds\" for 'timeout'")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"\" }", "AS3011", "'model' must not be empty")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" config { k int required default 3 } }", "AS3012", "'k' is required and has a default; the default is never used")]
    [InlineData("prompt \"q\" { content \"Hello {{name}}\" }", "AS3013", "prompt \"q\" uses {{name}} but declares no variable 'name'")]
    [InlineData("prompt \"q\" { content \"Hello\" variables { name string } }", "AS3014", "prompt \"q\" declares 'name' but never uses {{name}}")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" max_retries 2 }", "AS3015", "'max_retries' has no effect unless on_error is \"retry\"")]
    [InlineData("skill \"s\" { description \"d\" input { q string } output { r string } execution command \"b\" }", "AS3016", "'execution' is a legacy form")]
    [InlineData("plugin \"x\"", "AS3017", "plugin \"x\" is recorded but plugins are not loaded by this version")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" on input { if lenght(input) > 2 { respond \"x\" } } }", "AS3018", "unknown function 'lenght'")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" validate { rule r when len(output) > } }", "AS3018", null)]
    [InlineData("server \"x\" { transport \"sse\" url \"https://h/mcp\" command \"c\" }", "AS3019", "'command' has no effect with transport \"sse\"")]
    [InlineData("agent \"my agent\" { uses prompt \"p\" model \"m\" }", "AS3021", "agent name \"my agent\" should use only letters, digits, '-', '_' and '.'")]
    [InlineData("guardrail \"g\" { mode \"warn\" patterns [\"(a\"] }", "AS3022", null)]
    [InlineData("skill \"s\" { description \"d\" input { q string } output { r string } tool mcp \"nothing\" }", "AS3023", "tool mcp \"nothing\" must have the form \"server/tool\"")]
    [InlineData("state { type local }\nstate { type local }", "AS3024", "only one state block is allowed")]
    [InlineData("secret \"s\" { env(\"MY-KEY\") }", "AS3025", "environment variable name \"MY-KEY\" should match [A-Za-z_][A-Za-z0-9_]*")]
    [InlineData("binding \"a\" adapter \"x\" { default true }\nbinding \"b\" adapter \"y\" { default true }", "AS3026", "only one binding may be the default")]
    [InlineData("skill \"s\" { description \"d\" input { q string } output { r string } tool http { url \"ftp://x\" } }", "AS3027", "'url' must be an absolute http or https URL")]
    [InlineData("deploy \"d\" target k8s { }", "AS5001", "invalid deploy target \"k8s\"")]
    [InlineData("deploy \"d\" target \"docker\" { namespace \"x\" }", "AS5003", "'namespace' has no effect on target \"docker\"")]
    [InlineData("deploy \"d\" target \"process\" { port 0 }", "AS5004", "port must be between 1 and 65535, found 0")]
    [InlineData("deploy \"d\" target \"docker-compose\" { replicas 0 }", "AS5005", "replicas must be at least 1, found 0")]
    [InlineData("deploy \"d\" target \"kubernetes\" { autoscale { min 4 max 2 } }", "AS5006", "autoscale max (2) must not be lower than min (4)")]
    [InlineData("deploy \"d\" target \"kubernetes\" { autoscale { min 2 max 3 target 0 } }", "AS5007", "autoscale target must be between 1 and 100, found 0")]
    [InlineData("deploy \"d\" target \"kubernetes\" { autoscale { min 2 max 3 metric rps } }", "AS5008", "invalid autoscale metric \"rps\"")]
    [InlineData("deploy \"d\" target \"docker\" { resources { cpu \"2 cores\" } }", "AS5009", "invalid cpu quantity \"2 cores\"")]
    [InlineData("deploy \"d\" target \"docker\" { resources { memory \"512MB\" } }", "AS5010", "invalid memory quantity \"512MB\"")]
    [InlineData("deploy \"d\" target \"docker\" { health { interval \"3s\" } }", "AS5012", "health timeout (5s) must be lower than interval (3s)")]
    [InlineData("deploy \"d\" target \"kubernetes\" { autoscale { max 3 } }", "AS5014", "autoscale min 1 gives no high availability on kubernetes")]
    [InlineData("deploy \"d\" target \"kubernetes\" { }", "AS5015", "kubernetes deploy \"d\" has no health block; pods get no liveness or readiness probes")]
    [InlineData("deploy \"d\" target \"kubernetes\" { }", "AS5016", "kubernetes deploy \"d\" has no resources block; pods run without requests and limits")]
    [InlineData("deploy \"d\" target \"kubernetes\" { replicas 5 autoscale { min 2 max 4 } }", "AS5017", "replicas 5 is outside the autoscale range 2..4; the autoscaler will change it")]
    [InlineData("secret \"k\" { env(K) }\ndeploy \"d\" target \"process\" { env { K \"v\" } secrets { K \"k\" } }", "AS5018", "environment variable 'K' is set by both env and secrets in deploy \"d\"")]
    [InlineData("deploy \"d\" target \"kubernetes\" { namespace \"AI_Agents\" }", "AS5021", "namespace \"AI_Agents\" is not a valid Kubernetes name")]
    [InlineData("state { type postgres }", "AS5024", "state backend \"postgres\" is not supported yet")]
    [InlineData("deploy \"d\" target \"process\" { agents [] }", "AS5025", "deploy \"d\" serves no agents")]
    [InlineData("deploy \"d\" target \"process\" { env { ANTHROPIC_API_KEY \"sk-ant-abcdefghijklmnopqrstuvwxyz\" } }", "AS6001", "string contains what looks like an Anthropic API key; credentials must not be written in .ias files")]
    [InlineData("server \"x\" { transport \"sse\" url \"https://me:pw@host/mcp\" }", "AS6003", "URL contains embedded credentials")]
    public void Reports(string declarations, string code, string? message)
    {
        var text = Header + Agent(string.Empty, "base") + declarations + "\n";
        var found = Spec.Diagnostics(text).Where(d => d.Code == code).ToList();

        Assert.True(found.Count > 0, $"no {code}; got {string.Join("; ", Spec.Diagnostics(text).Select(Spec.Render))}");
        if (message is not null)
        {
            Assert.Contains(message, found.Select(d => d.Message));
        }
    }

    [Theory]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" on_error \"fallback\" fallback \"b\" }\nagent \"b\" { uses prompt \"p\" model \"m\" delegate to agent \"a\" }")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" on_error retry max_retries 2 temperature 0.7 timeout \"1h30m\" memory { strategy summary max_messages 5 } }")]
    [InlineData("agent \"a\" { uses prompt \"p\" models [\"x\", \"y\"] strategy plan-and-execute config { k string secret \"Key\"\n n int default 3 } validate { rule r warning max_retries 0 when len(output) > 10 and not (output contains \"x\") } eval { case c input \"i\" expect \"^a+$\" scoring regex } }")]
    [InlineData("agent \"a\" { uses prompt \"p\" model \"m\" uses skill \"s\" on input { if input.kind == \"x\" || input.items[0].size >= -1 { use skill s with { q: upper(trim(input.text)) + \"!\" } } else if input.n % 2 != 0 { respond input.text } else { respond \"ok\" } for each i in split(input.text, \",\") { respond i } } }\nskill \"s\" { description \"d\" input { q string } output { r string } tool inline { language python code \"x\" memory 128 timeout \"5s\" } }")]
    [InlineData("prompt \"q\" { content \"Hello {{ name }}\" variables { name string default \"you\" } }")]
    [InlineData("pipeline \"pl\" { step \"a\" { agent \"base\" }\n step \"b\" { agent \"base\" depends_on [\"a\"] input \"{{steps.a.output}}\" } }")]
    [InlineData("server \"x\" { transport \"streamable-http\" url \"{{MCP_URL}}/mcp\" }\nclient \"c\" { connects to server \"x\" }\nuser \"u\" { key secret(\"k\") role admin }\nsecret \"k\" { store(team/api-key) }")]
    [InlineData("guardrail \"g\" { mode \"block\" patterns [\"\\\\d{3}\"] fallback \"no\" }\ntype \"T\" { id string required\n n int default 1 }\ntype \"E\" enum [\"a\", \"b\"]\nstate { type local path \"x.json\" }")]
    [InlineData("deploy \"d\" target \"kubernetes\" { namespace \"agents\" image \"r/i:1\" replicas 3 resources { cpu 0.5 memory \"1Gi\" } health { path \"/healthz\" interval \"30s\" timeout \"5s\" } autoscale { min 2 max 4 metric memory target 70 } env { LOG_LEVEL \"info\" AUTHORIZATION \"Bearer {{TOKEN}}\" } secrets { API_KEY \"k\" } }\nsecret \"k\" { env(API_KEY) }")]
    [InlineData("deploy \"d\" target \"process\" { port 9090 default true health { } }")]
    public void Valid_documents_report_nothing(string declarations)
    {
        var text = Header + Agent(string.Empty, "base") + declarations + "\n";

        Assert.Empty(Spec.Lines(text));
    }

    [Fact]
    public void An_overridden_value_is_reported_at_the_override()
    {
        const string text = """
            package "t" version "1.0.0" lang "2.0"
            prompt "p" { content "Hi." }
            agent "a" { uses prompt "p" model "m" }
            environment "dev" {
              agent "a" { max_turns 0 }
            }
            """;
        // Override values are checked for every environment, selected or not (spec §6.3).
        var document = SpecLoader.LoadText(text, "/tmp/agentspec-tests/env.ias");
        Assert.Equal("5:25 E AS3008 'max_turns' must be at least 1, found 0", Spec.Render(Assert.Single(document.Diagnostics)));

        var overlaid = SpecLoader.LoadText(text, "/tmp/agentspec-tests/env.ias", "dev");
        var diagnostic = Assert.Single(overlaid.Diagnostics, d => d.Code == "AS3008");
        Assert.Equal("5:25 E AS3008 'max_turns' must be at least 1, found 0", Spec.Render(diagnostic));
    }

    [Fact]
    public void Suppression_hides_warnings_on_the_line_below_but_never_errors()
    {
        const string text = """
            package "t" version "1.0.0" lang "2.0"
            prompt "p" { content "Hi." }
            agent "a" { uses prompt "p" model "m" }
            deploy "d" target "process" {
              // agentspec-ignore AS6002, AS5004
              env { DB_PASSWORD "x" }
              port 0 # agentspec-ignore AS5004
            }
            """;

        Assert.Equal(["7:8 E AS5004 port must be between 1 and 65535, found 0"], Spec.Lines(text));
    }
}
