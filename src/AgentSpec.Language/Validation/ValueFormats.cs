using System.Text.RegularExpressions;

namespace AgentSpec.Validation;

/// <summary>Formats of typed string values (spec §3.1): semver, durations, cpu and memory quantities.</summary>
internal static partial class ValueFormats
{
    public static bool IsSemver(string text) => Semver().IsMatch(text);

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$")]
    private static partial Regex Semver();
}
