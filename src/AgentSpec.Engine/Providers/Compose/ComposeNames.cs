using System.Text;

namespace AgentSpec.Engine.Providers.Compose;

/// <summary>
/// Names of the compose stack (deployment spec §3.1, §7.3): project <c>dnsLabel(package)</c>, service = deploy name in lower
/// case, network <c>agentspec</c> (compose calls it <c>&lt;project&gt;_agentspec</c>), secret variables
/// <c>AS_SECRET__&lt;SERVICE&gt;__&lt;NAME&gt;</c>, and the label compose puts on every container.
/// </summary>
public static class ComposeNames
{
    public const string NetworkKey = "agentspec";
    public const string ProjectLabel = "com.docker.compose.project";
    public const string ServiceLabel = "com.docker.compose.service";

    public static string Project(string package) => Resolution.DnsLabel.Of(package);

    public static string Service(string deploy) => deploy.ToLowerInvariant();

    public static string Network(string project) => project + "_" + NetworkKey;

    /// <summary>The interpolation variable that carries a secret into one service: upper-cased, non-alphanumerics as <c>_</c>.</summary>
    public static string SecretVariable(string service, string name) => "AS_SECRET__" + Upper(service) + "__" + Upper(name);

    /// <summary>A user value as compose reads it literally: every <c>$</c> doubled (no interpolation).</summary>
    public static string Literal(string value) => value.Replace("$", "$$", StringComparison.Ordinal);

    private static string Upper(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return builder.ToString();
    }
}
