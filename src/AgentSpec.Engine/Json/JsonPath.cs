using System.Text.RegularExpressions;

namespace AgentSpec.Engine.Json;

/// <summary>Attribute paths as plans show them: <c>.key</c> for identifier-like keys, <c>["key"]</c> otherwise (deployment spec §3.5).</summary>
internal static partial class JsonPath
{
    public static string Child(string parent, string key)
    {
        if (Identifier().IsMatch(key))
        {
            return parent.Length == 0 ? key : parent + "." + key;
        }

        return parent + "[\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]";
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    public static string Named(string parent, string name) => $"{parent}[name={name}]";

    /// <summary>True when <paramref name="path"/> equals <paramref name="pattern"/> or lies under it; <c>*</c> matches everything.</summary>
    public static bool Covers(string pattern, string path) =>
        pattern == "*" || path == pattern
        || (path.StartsWith(pattern, StringComparison.Ordinal) && path.Length > pattern.Length && path[pattern.Length] is '.' or '[')
        || (pattern.StartsWith(path, StringComparison.Ordinal) && pattern.Length > path.Length && pattern[path.Length] is '.' or '[');

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
