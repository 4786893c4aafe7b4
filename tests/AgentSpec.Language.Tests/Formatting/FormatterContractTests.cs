using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Formatting;

/// <summary>What the formatter refuses, what it reports, and the examples it must leave alone (spec §9.1).</summary>
public sealed class FormatterContractTests
{
    [Fact]
    public void File_with_syntax_errors_is_refused_with_every_located_error()
    {
        var text = string.Join(
            "\n",
            "package \"r\" version \"1.0.0\" lang \"2.0\"",
            "agent \"a\" {",
            "  model = \"m\"",
            "}",
            "skill \"s\" {",
            "  inputs { x string }",
            "}",
            "deploy \"d\" {",
            "}",
            "");

        var result = SpecFormatter.FormatText(text, "broken.ias");

        Assert.False(result.Success);
        Assert.Null(result.FormattedText);
        Assert.False(result.IsChanged);
        Assert.Equal("broken.ias", result.File);
        Assert.Equal(
            [("AS1002", 3, 9), ("AS1013", 6, 3), ("AS1014", 8, 12)],
            result.Diagnostics.Where(d => d.IsError).Select(d => (d.Code, d.Line, d.Column)).ToArray());
    }

    [Fact]
    public void Unterminated_string_is_refused()
    {
        var result = SpecFormatter.FormatText("package \"r\" version \"1.0.0\" lang \"2.0\"\nprompt \"p\" { content \"oops }\n", "u.ias");

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Code == "AS1003");
    }

    [Fact]
    public void Warnings_do_not_prevent_formatting_and_are_returned()
    {
        var result = SpecFormatter.FormatText("package \"w\" version \"1.0.0\" lang \"2.0\"\nprompt \"p\" { content \"a\\qb\" }\n", "w.ias");

        Assert.True(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Code == "AS1006");
        Assert.Contains("content \"a\\qb\"", result.FormattedText);
    }

    [Fact]
    public void Binder_errors_do_not_prevent_formatting()
    {
        var result = SpecFormatter.FormatText("package \"b\" version \"1.0.0\" lang \"2.0\"\nagent \"a\" { max_turns many uses prompt \"nope\" }\n", "b.ias");

        Assert.True(result.Success);
        Assert.Equal("package \"b\" version \"1.0.0\" lang \"2.0\"\n\nagent \"a\" {\n  uses prompt \"nope\"\n  max_turns many\n}\n", result.FormattedText);
    }

    [Fact]
    public void Missing_file_throws_FileNotFoundException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"agentspec-missing-{Guid.NewGuid():N}.ias");

        var error = Assert.Throws<FileNotFoundException>(() => SpecFormatter.FormatFile(path));
        Assert.Equal(path, error.FileName);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_AS1001()
    {
        var path = Path.Combine(Path.GetTempPath(), $"agentspec-bad-{Guid.NewGuid():N}.ias");
        File.WriteAllBytes(path, [.. "package \"x\" version \"1.0.0\" lang \"2.0\"\n# "u8, 0xFF, (byte)'\n']);
        try
        {
            var result = SpecFormatter.FormatFile(path);

            Assert.False(result.Success);
            Assert.Contains(result.Diagnostics, d => d.Code == "AS1001" && d.Line == 2);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Canonical_file_on_disk_is_unchanged()
    {
        var path = Path.Combine(Path.GetTempPath(), $"agentspec-ok-{Guid.NewGuid():N}.ias");
        File.WriteAllText(path, "package \"ok\" version \"1.0.0\" lang \"2.0\"\n");
        try
        {
            var result = SpecFormatter.FormatFile(path);

            Assert.True(result.Success);
            Assert.False(result.IsChanged);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Numbers_are_normalised_only_where_the_attribute_is_numeric()
    {
        var text = string.Join(
            "\n",
            "package \"n\" version \"1.0.0\" lang \"2.0\"",
            "agent \"a\" { max_turns 007 temperature 1.50 max_tokens 1.0 budget monthly 1500000.0 metadata { k 007 } }",
            "environment \"e\" { agent \"a\" { max_turns \"08\" temperature \"0.50\" stream \"false\" timeout 30 } }",
            "");

        var result = SpecFormatter.FormatText(text, "n.ias");

        Assert.Equal(
            string.Join(
                "\n",
                "package \"n\" version \"1.0.0\" lang \"2.0\"",
                "",
                "agent \"a\" {",
                "  budget monthly 1500000",
                "  max_turns 7",
                "  max_tokens 1.0",
                "  temperature 1.5",
                "  metadata {",
                "    k \"007\"",
                "  }",
                "}",
                "",
                "environment \"e\" {",
                "  agent \"a\" {",
                "    max_turns 8",
                "    temperature 0.5",
                "    stream false",
                "    timeout 30",
                "  }",
                "}",
                ""),
            result.FormattedText);
    }

    public static TheoryData<string> Examples
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples"), "*.ias", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Examples_are_valid_and_already_canonical(string relativePath)
    {
        var result = SpecFormatter.FormatFile(Path.Combine(RepositoryPaths.Root, relativePath));

        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.False(result.IsChanged, $"{relativePath} is not canonical:\n{result.FormattedText}");
    }
}
