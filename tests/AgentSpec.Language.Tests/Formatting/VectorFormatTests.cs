using System.Text;

namespace AgentSpec.Tests.Formatting;

/// <summary>Formatter test vectors of the language spec, Appendix A.</summary>
public sealed class VectorFormatTests
{
    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void A1_minimal_canonical_file_is_unchanged()
    {
        var text = Lines(
            "package \"hello\" version \"0.1.0\" lang \"2.0\"",
            "",
            "prompt \"greet\" {",
            "  content \"Say hello politely.\"",
            "}",
            "",
            "agent \"greeter\" {",
            "  uses prompt \"greet\"",
            "  model \"claude-sonnet-4-20250514\"",
            "}");

        var result = SpecFormatter.FormatText(text, "a1.ias");

        Assert.True(result.Success);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(text, result.FormattedText);
        Assert.False(result.IsChanged);
    }

    private static readonly string A3Expected = Lines(
        "# team: platform",
        "package \"svc\" version \"1.2.0\" lang \"2.0\"",
        "",
        "prompt \"p\" {",
        "  content \"Be brief.\"",
        "} // inline",
        "",
        "agent \"a\" {",
        "  # which prompt",
        "  uses prompt \"p\"",
        "  model \"m1\"",
        "}");

    private static byte[] A3Bytes()
    {
        var text = string.Join(
            "\r\n",
            "# team: platform",
            "package \"svc\" version \"1.2.0\" lang \"2.0\"",
            "prompt \"p\" { content \"Be brief.\" }   // inline",
            "agent \"a\" {",
            "  model \"m1\"",
            "  # which prompt",
            "  uses prompt \"p\"",
            "}");
        return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];
    }

    [Fact]
    public void A3_bom_crlf_comments_and_reordering_from_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"agentspec-a3-{Guid.NewGuid():N}.ias");
        File.WriteAllBytes(path, A3Bytes());
        try
        {
            var result = SpecFormatter.FormatFile(path);

            Assert.True(result.Success);
            Assert.Empty(result.Diagnostics);
            Assert.Equal(A3Expected, result.FormattedText);
            Assert.True(result.IsChanged);
            Assert.Equal(path, result.File);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A3_bom_crlf_comments_and_reordering_from_text()
    {
        var result = SpecFormatter.FormatText(Encoding.UTF8.GetString(A3Bytes()), "a3.ias");

        Assert.Equal(A3Expected, result.FormattedText);
        Assert.True(result.IsChanged);
    }

    [Fact]
    public void A4_triple_quoted_string_is_reindented_to_the_item()
    {
        var text = Lines(
            "package \"t\" version \"1.0.0\" lang \"2.0\"",
            "",
            "prompt \"tri\" {",
            "  content \"\"\"",
            "      You triage tickets.",
            "        Escalate outages.",
            "",
            "      Be concise.",
            "    \"\"\"",
            "}");
        var expected = Lines(
            "package \"t\" version \"1.0.0\" lang \"2.0\"",
            "",
            "prompt \"tri\" {",
            "  content \"\"\"",
            "    You triage tickets.",
            "      Escalate outages.",
            "",
            "    Be concise.",
            "    \"\"\"",
            "}");

        var result = SpecFormatter.FormatText(text, "a4.ias");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.FormattedText);
        Assert.True(result.IsChanged);
        var value = AgentSpec.Parsing.SyntaxParser.Parse(expected, "a4.ias").Root.Statements[1].Body!.Items[0].Values[0].Text;
        Assert.Equal("You triage tickets.\n  Escalate outages.\n\nBe concise.", value);
    }

    [Fact]
    public void A5_secret_forms_are_normalised()
    {
        var text = Lines(
            "package \"s\" version \"1.0.0\" lang \"2.0\"",
            "secret \"db\" { store(prod/db/main-password) }",
            "secret \"ci\" { env GITHUB_TOKEN }",
            "secret \"odd\" { store(\"team vault/key\") }",
            "secret \"both\" { env(A) store(b/c) }");
        var expected = Lines(
            "package \"s\" version \"1.0.0\" lang \"2.0\"",
            "",
            "secret \"db\" {",
            "  store(prod/db/main-password)",
            "}",
            "",
            "secret \"ci\" {",
            "  env(GITHUB_TOKEN)",
            "}",
            "",
            "secret \"odd\" {",
            "  store(\"team vault/key\")",
            "}",
            "",
            "secret \"both\" {",
            "  env(A)",
            "  store(b/c)",
            "}");

        var result = SpecFormatter.FormatText(text, "a5.ias");

        Assert.True(result.Success);
        Assert.Equal(expected, result.FormattedText);
    }

    [Fact]
    public void A14_canonical_order_lists_and_comments()
    {
        var text = Lines(
            "package \"fmt\" version \"0.1.0\" lang \"2.0\"",
            "skill \"lint\" {",
            "  tool command {",
            "    args [",
            "      \"--strict\",   # fail on warnings",
            "      \"--json\"",
            "    ]",
            "    binary \"linter\"",
            "    env { LEVEL 3 }",
            "  }",
            "  output { report string }",
            "  input { path string required",
            "    depth int }",
            "  description \"Run the linter\"",
            "}");
        var expected = Lines(
            "package \"fmt\" version \"0.1.0\" lang \"2.0\"",
            "",
            "skill \"lint\" {",
            "  description \"Run the linter\"",
            "  input {",
            "    path string required",
            "    depth int",
            "  }",
            "  output {",
            "    report string",
            "  }",
            "  tool command {",
            "    binary \"linter\"",
            "    args [",
            "      \"--strict\", # fail on warnings",
            "      \"--json\",",
            "    ]",
            "    env {",
            "      LEVEL \"3\"",
            "    }",
            "  }",
            "}");

        var result = SpecFormatter.FormatText(text, "a14.ias");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.FormattedText);
        FormatAssertions.FormatsCanonically(text, "a14.ias");
    }
}
