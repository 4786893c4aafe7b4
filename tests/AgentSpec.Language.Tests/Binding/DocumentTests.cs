using System.Text;
using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Binding;

/// <summary>The bound document: typed declarations, references, duplicates, recovery and encodings.</summary>
public sealed class DocumentTests
{
    private const string MisspelledReference = """
        package "kb" version "1.0.0" lang "2.0"
        prompt "p" { content "Answer from the knowledge base." }
        skill "kb-search" {
          description "Search articles"
          input { q string required }
          output { hits string }
          tool command { binary "kb" }
        }
        agent "helper" {
          uses prompt "p"
          uses skill "kb-serch"
          model "gpt-4o"
        }
        """;

    [Fact]
    public void Misspelled_reference_is_reported_at_the_name_with_a_hint()
    {
        var document = SpecLoader.LoadText(MisspelledReference, "a2.ias");

        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal("AS2002", diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("skill \"kb-serch\" not found", diagnostic.Message);
        Assert.Equal(new SourceRange(new(11, 14), new(11, 24)), diagnostic.Range);
        Assert.Equal("did you mean \"kb-search\"?", diagnostic.Hint);
        Assert.Equal("docs/diagnostics/AS2002.md", diagnostic.HelpLink);
        Assert.Equal("a2.ias:11:14: error AS2002: skill \"kb-serch\" not found\n  hint: did you mean \"kb-search\"?", diagnostic.ToText());
    }

    [Fact]
    public void Corpus_invalid_reference_reports_the_misspelled_skill_at_its_line()
    {
        var entry = CorpusEntry.Get("reference/integration_tests/testdata/invalid_ref.ias");
        var document = SpecLoader.LoadFile(entry.FullPath);

        var error = Assert.Single(document.Diagnostics, d => d.IsError);
        Assert.Equal(("AS2002", 22, 14), (error.Code, error.Line, error.Column));
        Assert.Equal("did you mean \"web-search\"?", error.Hint);
    }

    [Fact]
    public void Production_example_exposes_typed_declarations_and_resolved_references()
    {
        var document = SpecLoader.LoadFile(Path.Combine(RepositoryPaths.Corpus, "seed", "production-best-practices.ias"));

        Assert.False(document.HasErrors);
        Assert.Equal(("production-best-practices", "1.0.0", "2.0"), (document.Package?.Name, document.Package?.Version, document.Package?.Lang));
        var agent = Assert.Single(document.Agents);
        Assert.Equal("production-best-practices/Agent/assistant", agent.Fqn);
        Assert.Same(document.Prompts[0], agent.Prompt);
        Assert.Same(document.Skills[0], Assert.Single(agent.Skills));
        Assert.Equal((15L, "60s", 200000L, 0.3, "retry", 3L), (agent.MaxTurns, agent.Timeout, agent.TokenBudget, agent.Temperature, agent.OnError, agent.MaxRetries));
        Assert.Null(agent.MaxTokens);
        Assert.Equal("command", document.Skills[0].Tool?.Type);
        Assert.Equal(("env", "ANTHROPIC_API_KEY"), (document.Secrets[0].Source, document.Secrets[0].Key));
        Assert.Equal(["dev", "production"], document.Deploys.Select(d => d.Name));
        var production = document.Deploys[1];
        Assert.Equal(("kubernetes", "agents", 3L), (production.Kind, production.Namespace, production.Replicas));
        Assert.Equal(("1", "1Gi"), (production.Resources?.Cpu, production.Resources?.Memory));
        Assert.Equal((3L, 10L, "cpu", 80L), (production.Autoscale?.Min, production.Autoscale?.Max, production.Autoscale?.Metric, production.Autoscale?.Target));
        Assert.Equal("api-key", production.Secrets["ANTHROPIC_API_KEY"]);
        Assert.True(document.Deploys[0].Default);
        var policy = Assert.Single(document.Policies);
        Assert.Equal(["deny model claude-haiku-latest", "require secret api-key", "allow model claude-sonnet-4-20250514"],
            policy.Rules.Select(r => $"{r.Action} {r.Subject} {r.Value}"));
        Assert.Equal(["dev", "prod"], document.Environments.Select(e => e.Name));
        Assert.Equal("model", document.Environments[0].Overrides[0].Settings[0].Path);
    }

    [Fact]
    public void Errors_in_three_separate_blocks_are_all_reported_with_positions()
    {
        var text = """
            package "three" version "1.0.0" lang "2.0"
            prompt "p" {
              content "hello"
              colour "blue"
            }
            agent "a" {
              uses prompt "p"
              model
            }
            deploy "d" target "process" {
              port = 8080
            }
            """;

        var document = SpecLoader.LoadText(text, "three.ias");

        var errors = document.Diagnostics.Where(d => d.IsError).Select(d => (d.Code, d.Line, d.Column)).ToList();
        Assert.Equal([("AS1013", 4, 3), ("AS1014", 8, 8), ("AS1002", 11, 8)], errors);
        Assert.Equal(3, document.Prompts.Count + document.Agents.Count + document.Deploys.Count);
    }

    [Fact]
    public void Crlf_and_byte_order_mark_inputs_bind_like_lf_input()
    {
        using var folder = new TempDirectory();
        var lf = MisspelledReference.Replace("\r\n", "\n");
        var crlfPath = Path.Combine(folder.Path, "crlf.ias");
        File.WriteAllBytes(crlfPath, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(lf.Replace("\n", "\r\n"))]);
        var lfPath = folder.Write("lf.ias", lf);

        var fromCrlf = SpecLoader.LoadFile(crlfPath);
        var fromLf = SpecLoader.LoadFile(lfPath);

        Assert.Equal(
            fromLf.Diagnostics.Select(d => (d.Code, d.Range, d.Message)),
            fromCrlf.Diagnostics.Select(d => (d.Code, d.Range, d.Message)));
        Assert.Equal("Answer from the knowledge base.", fromCrlf.Prompts[0].Content);
    }

    [Fact]
    public void Duplicate_declarations_point_at_the_second_name_and_relate_the_first()
    {
        var text = "package \"d\" version \"1.0.0\" lang \"2.0\"\nprompt \"p\" { content \"a\" }\nprompt \"p\" { content \"b\" }\n";

        var document = SpecLoader.LoadText(text, "dup.ias");

        var duplicate = Assert.Single(document.Diagnostics, d => d.Code == "AS2001");
        Assert.Equal((3, 8), (duplicate.Line, duplicate.Column));
        Assert.Equal("prompt \"p\" is already declared at dup.ias:2:8", duplicate.Message);
        Assert.Equal(new SourcePosition(2, 8), Assert.Single(duplicate.Related).Range.Start);
        Assert.Equal("a", Assert.Single(document.Prompts.Where(p => p.Name == "p").Take(1)).Content);
    }

    [Fact]
    public void Multi_file_example_merges_its_imports()
    {
        var entry = CorpusEntry.Get("reference/examples/multi-file-agent/main.ias");

        var document = SpecLoader.LoadFile(entry.FullPath);

        Assert.DoesNotContain(document.Diagnostics, d => d.IsError);
        Assert.True(document.Files.Count >= 2);
        Assert.All(document.Imports, import => Assert.NotNull(import.ResolvedFile));
        Assert.All(document.Agents.SelectMany(a => a.Skills), skill => Assert.NotNull(skill));
    }

    [Fact]
    public void Import_problems_are_located_in_the_importing_file()
    {
        using var folder = new TempDirectory();
        var header = "package \"x\" version \"1.0.0\" lang \"2.0\"\n";
        var root = folder.Write("main.ias", header +
            "import \"./a.ias\"\nimport \"./missing.ias\"\nimport \"/etc/abs.ias\"\nimport \"github.com/acme/tools\"\n");
        folder.Write("a.ias", header + "import \"./b\"\nprompt \"pa\" { content \"a\" }\n");
        folder.Write("b/index.ias", header + "import \"../main.ias\"\nprompt \"pb\" { content \"b\" }\n");

        var document = SpecLoader.LoadFile(root);

        var codes = document.Diagnostics.Select(d => (d.Code, Path.GetFileName(d.File), d.Line)).ToList();
        Assert.Contains(("AS2008", "main.ias", 3), codes);
        Assert.Contains(("AS2011", "main.ias", 4), codes);
        Assert.Contains(("AS2010", "main.ias", 5), codes);
        Assert.Contains(("AS2009", "index.ias", 2), codes);
        var cycle = Assert.Single(document.Diagnostics, d => d.Code == "AS2009");
        Assert.Equal("import cycle: main.ias -> a.ias -> b/index.ias -> main.ias", cycle.Message);
        Assert.Equal(["pa", "pb"], document.Prompts.Select(p => p.Name));
        Assert.Equal(3, document.Files.Count);
    }

    [Fact]
    public void Qualified_references_resolve_through_an_import_alias()
    {
        using var folder = new TempDirectory();
        var header = "package \"x\" version \"1.0.0\" lang \"2.0\"\n";
        var root = folder.Write("main.ias", header +
            "import \"./kb.ias\" as kb\nagent \"a\" {\n  uses prompt \"kb.system\"\n  model \"m\"\n}\n");
        folder.Write("kb.ias", header + "prompt \"system\" { content \"hi\" }\n");

        var document = SpecLoader.LoadFile(root);

        Assert.DoesNotContain(document.Diagnostics, d => d.IsError);
        Assert.Same(document.Prompts[0], document.Agents[0].Prompt);
    }

    [Fact]
    public void Wrong_value_kinds_are_binder_errors_with_a_hint()
    {
        var text = "package \"v\" version \"1.0.0\" lang \"2.0\"\nprompt \"p\" { content \"c\" }\n" +
            "agent \"a\" {\n  uses prompt \"p\"\n  model \"m\"\n  timeout 30s\n  max_turns 1.5\n  stream \"yes\"\n}\n";

        var document = SpecLoader.LoadText(text, "v.ias");

        var errors = document.Diagnostics.Where(d => d.Code == "AS3001").ToList();
        Assert.Equal(3, errors.Count);
        Assert.Equal("'timeout' expects a string, found '30s'", errors[0].Message);
        Assert.Equal("durations are strings: \"30s\"", errors[0].Hint);
        Assert.Equal("'max_turns' expects an integer, found number 1.5", errors[1].Message);
        Assert.Equal((8, 10), (errors[2].Line, errors[2].Column));
    }

    [Fact]
    public void Missing_file_is_an_exception_and_a_directory_means_its_index()
    {
        using var folder = new TempDirectory();
        folder.Write("pkg/index.ias", "package \"i\" version \"1.0.0\" lang \"2.0\"\n");
        folder.Write("two/a.ias", "package \"a\" version \"1.0.0\" lang \"2.0\"\n");
        folder.Write("two/b.ias", "package \"b\" version \"1.0.0\" lang \"2.0\"\n");

        Assert.Throws<FileNotFoundException>(() => SpecLoader.LoadFile(Path.Combine(folder.Path, "nope.ias")));
        Assert.Equal("i", SpecLoader.LoadFile(Path.Combine(folder.Path, "pkg")).Package?.Name);
        var ambiguous = Assert.Throws<AmbiguousRootException>(() => SpecLoader.LoadFile(Path.Combine(folder.Path, "two")));
        Assert.Equal(["a.ias", "b.ias"], ambiguous.Files);
    }
}
