using System.Buffers;
using System.Text.RegularExpressions;
using AgentSpec.Binding;
using AgentSpec.Syntax;

namespace AgentSpec.Validation;

/// <summary>
/// The security lint of spec §5.7: credential shapes in any string (AS6001), credential-named keys with literal values
/// (AS6002) and URLs with embedded credentials (AS6003). Every file's syntax is scanned, overrides included, except
/// <c>secrets {}</c> map values, secret <c>env</c>/<c>store</c> keys and <c>key secret(…)</c>.
/// </summary>
internal static partial class SecurityLint
{
    private const string Hint = "declare secret \"name\" { env(VAR) } and reference it: secrets { VAR \"name\" } in a deploy or command tool, auth on a server";

    // "gh" covers the gh[pousr]_ and github_pat_ GitHub shapes.
    private static readonly SearchValues<string> CredentialFragments =
        SearchValues.Create(["sk-", "AKIA", "ASIA", "gh", "xox", "-----BEGIN", "eyJ"], StringComparison.Ordinal);

    private static readonly (string Kind, Regex Pattern)[] Shapes =
    [
        ("an Anthropic API key", Anthropic()),
        ("an OpenAI API key", OpenAi()),
        ("an AWS access key", Aws()),
        ("a GitHub token", GitHub()),
        ("a Slack token", Slack()),
        ("a private key", PrivateKey()),
        ("a JSON Web Token", JsonWebToken()),
    ];

    public static void Check(ValidationContext context)
    {
        foreach (var file in context.Document.SourceFiles)
        {
            foreach (var statement in file.Tree.Root.Statements)
            {
                if (statement.Key != "secret")
                {
                    ScanItem(file, statement, inSecrets: false);
                }
            }
        }
    }

    private static void ScanItem(SourceFile file, ItemSyntax item, bool inSecrets)
    {
        if (item.Key == "key" && item.Keywords.Any(k => k.Text == "secret"))
        {
            return;
        }

        var isEntry = item.Owner is BlockKind.Map or BlockKind.Override;
        if (!(inSecrets && isEntry))
        {
            var flagged = false;
            var values = item.Values;
            for (var i = 0; i < values.Count; i++)
            {
                flagged |= ScanValue(file, values[i]);
            }

            var modifiers = item.Modifiers;
            for (var i = 0; i < modifiers.Count; i++)
            {
                if (modifiers[i].Value is { } value)
                {
                    ScanValue(file, value);
                }
            }

            if (isEntry && !flagged && values.Count > 0 && item.Body is null)
            {
                CheckKey(file, item, values[^1]);
            }
        }

        if (item.Body is { } body)
        {
            var nestedSecrets = inSecrets || item.FirstKeyword?.Text == "secrets";
            var children = body.Items;
            for (var i = 0; i < children.Count; i++)
            {
                ScanItem(file, children[i], nestedSecrets);
            }
        }

        var continuations = item.Continuations;
        for (var i = 0; i < continuations.Count; i++)
        {
            ScanItem(file, continuations[i], inSecrets);
        }
    }

    /// <summary>AS6001/AS6003 for every string or word token of a value; true when AS6001 was reported.</summary>
    private static bool ScanValue(SourceFile file, ValueSyntax value) => value switch
    {
        StringValueSyntax text => ScanToken(file, text.Token),
        WordValueSyntax word => ScanToken(file, word.Token),
        NumberValueSyntax => false,
        _ => ScanTokens(file, value),
    };

    /// <summary>Scans the string and word tokens of a node in source order (without allocating iterators).</summary>
    private static bool ScanTokens(SourceFile file, SyntaxNode node)
    {
        var flagged = false;
        for (var i = 0; i < node.ChildCount; i++)
        {
            flagged |= node.ChildAt(i) switch
            {
                SyntaxToken token => (token.IsString || token.Kind == TokenKind.Word) && ScanToken(file, token),
                SyntaxNode inner => ScanTokens(file, inner),
                _ => false,
            };
        }

        return flagged;
    }

    private static bool ScanToken(SourceFile file, SyntaxToken token)
    {
        var text = token.Value;
        var flagged = false;
        if (MayHoldCredential(text))
        {
            foreach (var (kind, pattern) in Shapes)
            {
                if (pattern.IsMatch(text))
                {
                    file.Diagnostics.Add("AS6001", token.Range, $"string contains what looks like {kind}; credentials must not be written in .ias files", Hint);
                    flagged = true;
                    break;
                }
            }
        }

        if (token.IsString && text.Contains("://", StringComparison.Ordinal) && text.Contains('@', StringComparison.Ordinal) &&
            EmbeddedCredentials().IsMatch(text))
        {
            file.Diagnostics.Add("AS6003", token.Range, "URL contains embedded credentials", Hint);
        }

        return flagged;
    }

    /// <summary>A cheap pre-check: every credential shape starts with one of these fragments (one vectorised search).</summary>
    private static bool MayHoldCredential(string text) =>
        text.Length >= 20 && text.AsSpan().ContainsAny(CredentialFragments);

    /// <summary>AS6002: a credential-named key or override attribute given a literal value.</summary>
    private static void CheckKey(SourceFile file, ItemSyntax item, ValueSyntax value)
    {
        if (item.Keywords.Count == 0 || value is ListValueSyntax)
        {
            return;
        }

        var key = item.Keywords[0].Value;
        var normalized = key.ToUpperInvariant().Replace('-', '_');
        var credential = normalized.EndsWith("_API_KEY", StringComparison.Ordinal) || normalized.EndsWith("_APIKEY", StringComparison.Ordinal) ||
                         normalized.EndsWith("_TOKEN", StringComparison.Ordinal) || normalized.EndsWith("_SECRET", StringComparison.Ordinal) ||
                         normalized.Contains("PASSWORD", StringComparison.Ordinal) || normalized == "AUTHORIZATION";
        var text = value.Text;
        if (credential && text.Length > 0 && !Placeholder().IsMatch(text))
        {
            file.Diagnostics.Add("AS6002", value.Range, $"'{key}' is given a literal value; credentials must not be written in .ias files", Hint);
        }
    }

    [GeneratedRegex("(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,}")]
    private static partial Regex Anthropic();

    [GeneratedRegex("(?<![A-Za-z0-9_-])sk-(?:proj-)?[A-Za-z0-9_-]{20,}")]
    private static partial Regex OpenAi();

    [GeneratedRegex("(?<![A-Za-z0-9_-])(?:AKIA|ASIA)[0-9A-Z]{16}")]
    private static partial Regex Aws();

    [GeneratedRegex("(?<![A-Za-z0-9_-])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")]
    private static partial Regex GitHub();

    [GeneratedRegex("(?<![A-Za-z0-9_-])xox[bpas]-[A-Za-z0-9-]{10,}")]
    private static partial Regex Slack();

    [GeneratedRegex("(?<![A-Za-z0-9_-])-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex JsonWebToken();

    [GeneratedRegex(@"https?://[^\s/?#@:]+:[^\s/?#@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex EmbeddedCredentials();

    [GeneratedRegex(@"\{\{\s*[A-Za-z_][A-Za-z0-9_.]*\s*\}\}|\$\{[A-Za-z_][A-Za-z0-9_]*\}")]
    private static partial Regex Placeholder();
}
