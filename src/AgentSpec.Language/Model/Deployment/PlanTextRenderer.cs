using System.Text;
using System.Text.Json.Nodes;

namespace AgentSpec;

/// <summary>The text form of a plan (deployment spec §5.2).</summary>
internal static class PlanTextRenderer
{
    private const string Green = "\u001b[32m";
    private const string Yellow = "\u001b[33m";
    private const string Red = "\u001b[31m";
    private const string Magenta = "\u001b[35m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    public static string Render(Plan plan, bool ansi)
    {
        var text = new StringBuilder();
        var environment = plan.Environment is null ? string.Empty : $" · environment {plan.Environment}";
        text.Append($"AgentSpec plan · package {plan.Package} {plan.PackageVersion}{environment}").Append('\n');
        text.Append($"Target {plan.Target} ({plan.TargetKind}){EndpointText(plan)}").Append('\n');
        var lineage = plan.Seal.StateLineage is { Length: >= 8 } l ? $" · lineage {l[..8]} · serial {plan.Seal.StateSerial}" : " · no state yet";
        text.Append($"State {plan.StatePath}{lineage}").Append('\n');
        if (plan.Mode == PlanMode.Restore && plan.RestoredFrom is { } serial)
        {
            text.Append($"Restore of history entry {serial}").Append('\n');
        }

        var acting = plan.Changes.Where(c => c.Action != ChangeAction.NoOp).ToList();
        if (acting.Count == 0 && plan.Drift.Count == 0)
        {
            text.Append('\n').Append($"No changes. Target \"{plan.Target}\" ({plan.TargetKind}) matches the configuration and the recorded state.").Append('\n');
        }
        else
        {
            text.Append('\n').Append("Symbols:  ").Append(Legend(acting, ansi)).Append('\n');
            foreach (var change in acting)
            {
                text.Append('\n');
                Block(text, change, ansi);
            }

            if (plan.Drift.Count > 0)
            {
                text.Append('\n').Append("Drift detected (live objects differ from the recorded state):").Append('\n');
                foreach (var drift in plan.Drift)
                {
                    text.Append($"  {(drift.Kind == DriftKind.Missing ? "-" : "~")} {drift.Address}");
                    text.Append(drift.Kind == DriftKind.Modified ? string.Empty : $" ({drift.Kind.ToString().ToLowerInvariant()})").Append('\n');
                    foreach (var diff in drift.Diffs)
                    {
                        text.Append("      ").Append(DiffLine(diff, ansi).TrimStart()).Append('\n');
                    }
                }
            }

            text.Append('\n').Append(plan.Summary.Text).Append('\n');
        }

        if (plan.Diagnostics.Count > 0)
        {
            text.Append('\n');
            foreach (var diagnostic in plan.Diagnostics)
            {
                text.Append(DiagnosticLine(diagnostic)).Append('\n');
            }
        }

        return text.ToString();
    }

    internal static string DiagnosticLine(Diagnostic diagnostic)
    {
        var word = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "Error",
            DiagnosticSeverity.Warning => "Warning",
            _ => "Info",
        };
        var location = string.IsNullOrEmpty(diagnostic.File) ? string.Empty : $" ({diagnostic.File}:{diagnostic.Line}:{diagnostic.Column})";
        return $"{word} {diagnostic.Code}: {diagnostic.Message}{location}";
    }

    private static string EndpointText(Plan plan) =>
        plan.Endpoint.TryGetPropertyValue("host", out var host) && host is not null ? $" · host {host.GetValue<string>()}" : string.Empty;

    private static string Legend(List<ResourceChange> changes, bool ansi)
    {
        var parts = new List<string>();
        if (changes.Any(c => c.Action == ChangeAction.Create)) parts.Add($"{Paint("+", Green, ansi)} create");
        if (changes.Any(c => c.Action == ChangeAction.Update)) parts.Add($"{Paint("~", Yellow, ansi)} update in place");
        if (changes.Any(c => c.Action == ChangeAction.Replace)) parts.Add($"{Paint("-/+", Magenta, ansi)} destroy and then create replacement");
        if (changes.Any(c => c.Action == ChangeAction.Delete)) parts.Add($"{Paint("-", Red, ansi)} destroy");
        return parts.Count == 0 ? "(none)" : string.Join("   ", parts);
    }

    private static void Block(StringBuilder text, ResourceChange change, bool ansi)
    {
        var verb = change.Action switch
        {
            ChangeAction.Create => "will be created",
            ChangeAction.Update => "will be updated in place",
            ChangeAction.Replace => "must be replaced",
            ChangeAction.Delete when change.Keep => "will be removed from the state only",
            _ => "will be destroyed",
        };
        var reason = string.IsNullOrEmpty(change.ReasonText) ? string.Empty : $" ({change.ReasonText})";
        text.Append($"  # {Paint(change.Address, Bold, ansi)} {verb}{reason}").Append('\n');
        var color = ColorOf(change.Action);
        text.Append($"  {Paint(change.Symbol, color, ansi)} {change.Type} \"{change.Name}\"");
        if (change.Action == ChangeAction.Delete)
        {
            text.Append('\n');
            return;
        }

        text.Append(" {").Append('\n');
        foreach (var diff in change.Diffs)
        {
            text.Append("      ").Append(DiffLine(diff, ansi)).Append('\n');
        }

        text.Append("    }").Append('\n');
    }

    private static string ColorOf(ChangeAction action) => action switch
    {
        ChangeAction.Create => Green,
        ChangeAction.Update => Yellow,
        ChangeAction.Replace => Magenta,
        _ => Red,
    };

    private static string DiffLine(PropertyDiff diff, bool ansi)
    {
        var forces = diff.ForcesReplacement ? " # forces replacement" : string.Empty;
        switch (diff.Kind)
        {
            case PropertyDiffKind.Added:
                return $"{Paint("+", Green, ansi)} {diff.Path}: {Value(diff, diff.After, changed: false)}{forces}";
            case PropertyDiffKind.Removed:
                return $"{Paint("-", Red, ansi)} {diff.Path}: {Value(diff, diff.Before, changed: false)}{forces}";
            default:
                if (diff.Sensitive || diff.Unknown)
                {
                    return $"{Paint("~", Yellow, ansi)} {diff.Path}: {Value(diff, diff.After, changed: true)}{forces}";
                }

                if (IsLongText(diff.Before) || IsLongText(diff.After))
                {
                    return $"{Paint("~", Yellow, ansi)} {diff.Path}:{forces}\n" + LineDiff(Text(diff.Before), Text(diff.After), ansi);
                }

                return $"{Paint("~", Yellow, ansi)} {diff.Path}: {Scalar(diff.Before)} -> {Scalar(diff.After)}{forces}";
        }
    }

    private static string Value(PropertyDiff diff, JsonNode? value, bool changed)
    {
        if (diff.Unknown)
        {
            return "(known after apply)";
        }

        if (diff.Sensitive)
        {
            return changed ? "(sensitive value changed)" : "(sensitive value)";
        }

        return Scalar(value);
    }

    private static string Scalar(JsonNode? value) => CanonicalJson.Write(value?.DeepClone());

    private static bool IsLongText(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && (s.Length > 80 || s.Contains('\n', StringComparison.Ordinal));

    private static string Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : CanonicalJson.Write(node?.DeepClone());

    /// <summary>An indented line diff with three lines of context.</summary>
    private static string LineDiff(string before, string after, bool ansi)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;
        var lines = new List<string>();
        for (var i = Math.Max(0, prefix - 3); i < prefix; i++) lines.Add("          " + a[i]);
        for (var i = prefix; i < a.Length - suffix; i++) lines.Add($"        {Paint("-", Red, ansi)} {a[i]}");
        for (var i = prefix; i < b.Length - suffix; i++) lines.Add($"        {Paint("+", Green, ansi)} {b[i]}");
        for (var i = a.Length - suffix; i < Math.Min(a.Length, a.Length - suffix + 3); i++) lines.Add("          " + a[i]);
        return string.Join('\n', lines);
    }

    private static string Paint(string text, string color, bool ansi) => ansi ? color + text + Reset : text;
}
