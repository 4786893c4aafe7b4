using AgentSpec.Diagnostics;
using AgentSpec.Syntax;

namespace AgentSpec.Parsing;

/// <summary>Top level: header, imports, plugins and declarations (spec §2.3).</summary>
internal sealed partial class Parser
{
    private FileSyntax ParseFile()
    {
        var file = new FileSyntax();
        var sawStatement = false;
        var reportedMissingHeader = false;
        while (true)
        {
            unwinding = false;
            var token = Current;
            if (token.Kind == TokenKind.EndOfFile)
            {
                file.Add(Eat());
                file.EndOfFile = token;
                if (!sawStatement && file.Header is null && !reportedMissingHeader)
                {
                    ReportMissingHeader(token);
                }

                return file;
            }

            if (token.Kind == TokenKind.NewLine)
            {
                file.Add(Eat());
                continue;
            }

            if (token.Kind == TokenKind.Word && Grammar.IsStatementKeyword(token.Text))
            {
                if (token.Text == "package")
                {
                    if (file.Header is not null || sawStatement)
                    {
                        diagnostics.Add("AS1011", token.Range, "the package header must appear once, before any declaration");
                    }
                }
                else if (file.Header is null && !sawStatement && !reportedMissingHeader)
                {
                    ReportMissingHeader(token);
                    reportedMissingHeader = true;
                }

                var statement = ParseStatement();
                if (statement.Key == "package" && file.Header is null && !sawStatement)
                {
                    file.Header = statement;
                }

                sawStatement = true;
                file.AddStatement(statement);
                continue;
            }

            if (token.Kind is TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.CloseParen)
            {
                diagnostics.Add("AS1016", token.Range, $"unmatched '{token.Text}'");
                file.Add(Eat());
                continue;
            }

            var hint = token.Kind == TokenKind.Word ? DidYouMean.Hint(token.Text, Grammar.StatementKeywords) : null;
            if (hint is not null && !hint.StartsWith("did you mean", StringComparison.Ordinal))
            {
                hint = null;
            }

            diagnostics.Add(
                "AS1012",
                FoundRange(token),
                $"expected a declaration (agent, prompt, skill, …), found {TokenDescriber.Describe(token)}",
                hint);
            SkipToNextStatement(file);
        }
    }

    private void ReportMissingHeader(SyntaxToken first) =>
        diagnostics.Add(
            "AS1010",
            FoundRange(first),
            "expected a 'package' header at the start of the file",
            "package \"name\" version \"0.1.0\" lang \"2.0\"");

    private void SkipToNextStatement(FileSyntax file)
    {
        file.Add(Eat());
        while (!At(TokenKind.EndOfFile))
        {
            if (Current.Kind == TokenKind.Word && Grammar.IsStatementKeyword(Current.Text) && IsFirstOnLine(position))
            {
                return;
            }

            file.Add(Eat());
        }
    }

    private ItemSyntax ParseStatement()
    {
        var keyword = Current;
        var item = new ItemSyntax(keyword.Text, BlockKind.File);
        item.AddKeyword(Eat());
        switch (keyword.Text)
        {
            case "package":
                ParseRequiredValue(item, "package", "a package name");
                ParseOptionalModifiers(item, "version", "lang");
                return item;
            case "import":
                ParseRequiredValue(item, "import", "a path");
                ParseOptionalModifiers(item, "version", "as");
                return item;
            case "plugin":
                ParseRequiredValue(item, "plugin", "a plugin name");
                ParseOptionalModifiers(item, "version");
                return item;
            case "deploy":
                ParseDeclarationName(item, keyword.Text);
                if (AtWord("target"))
                {
                    var target = new ModifierSyntax("target", Eat());
                    item.AddModifier(target);
                    ParseRequiredModifierValue(target, "target", "a target kind");
                }
                else if (!unwinding)
                {
                    diagnostics.Add(
                        "AS1014",
                        FoundRange(Current),
                        $"expected 'target' after the deploy name, found {TokenDescriber.Describe(Current)}",
                        "deploy \"name\" target \"process\" { … }");
                }

                ParseBodyOf(item, BlockKind.Deploy, "deploy name");
                return item;
            case "type":
                ParseDeclarationName(item, keyword.Text);
                if (AtWord("enum") || AtWord("list"))
                {
                    var form = new ModifierSyntax(Current.Text, Eat());
                    item.AddModifier(form);
                    ParseRequiredModifierValue(form, form.Name, form.Name == "enum" ? "a list of values" : "an element type");
                    return item;
                }

                ParseBodyOf(item, BlockKind.TypeFields, "type name");
                return item;
            case "state":
                if (At(TokenKind.String) || At(TokenKind.TripleString))
                {
                    item.AddValue(new StringValueSyntax(Eat()));
                }

                ParseBodyOf(item, BlockKind.State, "state");
                return item;
            case "binding":
                ParseDeclarationName(item, keyword.Text);
                ParseOptionalModifiers(item, "adapter");
                ParseBodyOf(item, BlockKind.Binding, "binding name");
                return item;
            default:
                ParseDeclarationName(item, keyword.Text);
                ParseBodyOf(item, DeclarationBody(keyword.Text), $"{keyword.Text} name");
                return item;
        }
    }

    private static BlockKind DeclarationBody(string keyword) => keyword switch
    {
        "prompt" => BlockKind.Prompt,
        "skill" => BlockKind.Skill,
        "agent" => BlockKind.Agent,
        "secret" => BlockKind.Secret,
        "environment" => BlockKind.Environment,
        "policy" => BlockKind.Policy,
        "pipeline" => BlockKind.Pipeline,
        "server" => BlockKind.Server,
        "client" => BlockKind.Client,
        "user" => BlockKind.User,
        "guardrail" => BlockKind.Guardrail,
        _ => BlockKind.Map,
    };

    private void ParseDeclarationName(ItemSyntax item, string keyword)
    {
        if (At(TokenKind.String) || At(TokenKind.TripleString) || At(TokenKind.Word) || At(TokenKind.Number))
        {
            item.AddValue(ParseValue());
            return;
        }

        ReportExpected("a name", keyword, Current);
    }

    /// <summary>Reads <c>word value</c> modifiers (for example <c>version "1.0.0" lang "2.0"</c>) on the item's line.</summary>
    private void ParseOptionalModifiers(ItemSyntax item, params string[] words)
    {
        while (Current.Kind == TokenKind.Word && words.Contains(Current.Text))
        {
            var modifier = new ModifierSyntax(Current.Text, Eat());
            item.AddModifier(modifier);
            ParseRequiredModifierValue(modifier, modifier.Name, "a value");
        }
    }
}
