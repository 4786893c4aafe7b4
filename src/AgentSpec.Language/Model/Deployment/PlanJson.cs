using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentSpec;

/// <summary>The JSON form of a plan and of saved plan files (deployment spec §5.3), with its checksum.</summary>
internal static class PlanJson
{
    public const string Kind = "agentspec-plan";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Plan plan)
    {
        var document = Document(plan);
        document["checksum"] = CanonicalJson.Hash(document);
        return document.ToJsonString(Indented) + "\n";
    }

    public static JsonObject Document(Plan plan) => new()
    {
        ["kind"] = Kind,
        ["formatVersion"] = plan.FormatVersion,
        ["planId"] = plan.PlanId,
        ["createdAt"] = Time(plan.CreatedAt),
        ["toolVersion"] = plan.ToolVersion,
        ["mode"] = plan.Mode.ToString().ToLowerInvariant(),
        ["package"] = new JsonObject { ["name"] = plan.Package, ["version"] = plan.PackageVersion },
        ["environment"] = plan.Environment,
        ["target"] = new JsonObject
        {
            ["name"] = plan.Target,
            ["kind"] = plan.TargetKind,
            ["scope"] = Strings(plan.Scope),
            ["endpoint"] = plan.Endpoint.DeepClone(),
        },
        ["statePath"] = plan.StatePath,
        ["seal"] = new JsonObject
        {
            ["stateLineage"] = plan.Seal.StateLineage,
            ["stateSerial"] = plan.Seal.StateSerial,
            ["stateAbsent"] = plan.Seal.StateAbsent,
            ["legacyDigest"] = plan.Seal.LegacyDigest,
            ["secretSalt"] = plan.Seal.SecretSalt,
            ["specHash"] = plan.Seal.SpecHash,
            ["desiredHash"] = plan.Seal.DesiredHash,
            ["toolVersion"] = plan.Seal.ToolVersion,
            ["environment"] = plan.Seal.Environment,
            ["target"] = plan.Seal.Target,
        },
        ["summary"] = new JsonObject
        {
            ["add"] = plan.Summary.Add,
            ["change"] = plan.Summary.Change,
            ["replace"] = plan.Summary.Replace,
            ["destroy"] = plan.Summary.Destroy,
            ["noOp"] = plan.Summary.NoOp,
            ["drifted"] = plan.Summary.Drifted,
        },
        ["changes"] = new JsonArray(plan.Changes.Select(Change).ToArray<JsonNode?>()),
        ["drift"] = new JsonArray(plan.Drift.Select(d => (JsonNode?)new JsonObject
        {
            ["address"] = d.Address,
            ["type"] = d.Type,
            ["kind"] = d.Kind.ToString(),
            ["detail"] = d.Detail,
            ["diffs"] = new JsonArray(d.Diffs.Select(Diff).ToArray<JsonNode?>()),
        }).ToArray()),
        ["diagnostics"] = new JsonArray(plan.Diagnostics.Select(DiagnosticJson).ToArray<JsonNode?>()),
        ["snapshot"] = plan.Snapshot?.DeepClone(),
        ["restoredFrom"] = plan.RestoredFrom,
    };

    public static Plan Read(string json, string source)
    {
        JsonObject document;
        try
        {
            document = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("the file is not a JSON object");
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            throw Invalid(source, $"it is not valid JSON ({exception.Message})");
        }

        if (Str(document, "kind") != Kind)
        {
            throw Invalid(source, $"it is not an AgentSpec plan (kind is not \"{Kind}\")");
        }

        if (Str(document, "formatVersion") != Plan.CurrentFormatVersion)
        {
            throw Invalid(source, $"plan format {Str(document, "formatVersion")} is not supported (expected {Plan.CurrentFormatVersion})");
        }

        var checksum = Str(document, "checksum");
        var body = (JsonObject)document.DeepClone();
        body.Remove("checksum");
        if (checksum is null || checksum != CanonicalJson.Hash(body))
        {
            throw Invalid(source, "its checksum does not match its content (the file was edited or truncated)");
        }

        try
        {
            var package = Obj(document, "package");
            var target = Obj(document, "target");
            var seal = Obj(document, "seal");
            return new Plan
            {
                FormatVersion = Plan.CurrentFormatVersion,
                PlanId = Str(document, "planId") ?? string.Empty,
                CreatedAt = DateTimeOffset.Parse(Str(document, "createdAt") ?? string.Empty, CultureInfo.InvariantCulture),
                ToolVersion = Str(document, "toolVersion") ?? string.Empty,
                Mode = Enum.Parse<PlanMode>(Str(document, "mode") ?? "apply", ignoreCase: true),
                Package = Str(package, "name") ?? string.Empty,
                PackageVersion = Str(package, "version") ?? string.Empty,
                Environment = Str(document, "environment"),
                Target = Str(target, "name") ?? string.Empty,
                TargetKind = Str(target, "kind") ?? string.Empty,
                Scope = StringList(target["scope"]),
                Endpoint = (JsonObject?)target["endpoint"]?.DeepClone() ?? new JsonObject(),
                StatePath = Str(document, "statePath") ?? string.Empty,
                Seal = new PlanSeal
                {
                    StateLineage = Str(seal, "stateLineage"),
                    StateSerial = seal["stateSerial"]?.GetValue<long>() ?? 0,
                    StateAbsent = seal["stateAbsent"]?.GetValue<bool>() ?? false,
                    LegacyDigest = Str(seal, "legacyDigest"),
                    SecretSalt = Str(seal, "secretSalt"),
                    SpecHash = Str(seal, "specHash"),
                    DesiredHash = Str(seal, "desiredHash") ?? string.Empty,
                    ToolVersion = Str(seal, "toolVersion") ?? string.Empty,
                    Environment = Str(seal, "environment"),
                    Target = Str(seal, "target") ?? string.Empty,
                },
                SpecHash = Str(seal, "specHash"),
                DesiredHash = Str(seal, "desiredHash") ?? string.Empty,
                Changes = Arr(document, "changes").Select(n => ReadChange((JsonObject)(n ?? new JsonObject()))).ToList(),
                Drift = Arr(document, "drift").Select(n => ReadDrift((JsonObject)(n ?? new JsonObject()))).ToList(),
                Diagnostics = Arr(document, "diagnostics").Select(n => ReadDiagnostic((JsonObject)(n ?? new JsonObject()))).ToList(),
                Snapshot = (JsonObject?)document["snapshot"]?.DeepClone(),
                RestoredFrom = document["restoredFrom"]?.GetValue<long>(),
                IsSaved = true,
            };
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or InvalidCastException or ArgumentException)
        {
            throw Invalid(source, $"a field has an unexpected shape ({exception.Message})");
        }
    }

    internal static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static AgentSpecException Invalid(string source, string why) =>
        new(ErrorIds.PlanFileInvalid, AgentSpecErrorCategory.InvalidData, $"The plan file \"{source}\" cannot be used: {why}.", source)
        {
            RecommendedAction = "Create a new plan with Get-AgentSpecPlan -OutFile.",
        };

    private static JsonObject Change(ResourceChange c)
    {
        var change = ChangeProperties(c);
        if (c.Keep)
        {
            // Written only when set, so plans without kept objects keep their exact bytes.
            change["keep"] = true;
        }

        return change;
    }

    private static JsonObject ChangeProperties(ResourceChange c) => new()
    {
        ["address"] = c.Address,
        ["target"] = c.Target,
        ["targetKind"] = c.TargetKind,
        ["type"] = c.Type,
        ["name"] = c.Name,
        ["scope"] = c.Scope,
        ["action"] = ActionName(c.Action),
        ["actions"] = Strings(c.Actions),
        ["reason"] = c.Reason == ChangeReason.None ? null : c.Reason.ToString(),
        ["reasonText"] = c.ReasonText,
        ["beforeHash"] = c.BeforeHash,
        ["afterHash"] = c.AfterHash,
        ["diffs"] = new JsonArray(c.Diffs.Select(Diff).ToArray<JsonNode?>()),
        ["before"] = c.Before?.DeepClone(),
        ["after"] = c.After?.DeepClone(),
        ["replacePaths"] = Strings(c.ReplacePaths),
        ["dependsOn"] = Strings(c.DependsOn),
        ["secretBindings"] = new JsonArray(c.SecretBindings.Select(b => (JsonNode?)new JsonObject
        {
            ["env"] = b.Env, ["secret"] = b.Secret, ["source"] = b.Source, ["key"] = b.Key, ["fingerprint"] = b.Fingerprint,
        }).ToArray()),
        ["sensitivePaths"] = Strings(c.SensitivePaths),
        ["unknownPaths"] = Strings(c.UnknownPaths),
        ["replaceOn"] = Strings(c.ReplaceOn),
        ["isWorkload"] = c.IsWorkload,
    };

    private static ResourceChange ReadChange(JsonObject o) => new()
    {
        Address = Str(o, "address") ?? string.Empty,
        Target = Str(o, "target") ?? string.Empty,
        TargetKind = Str(o, "targetKind") ?? string.Empty,
        Type = Str(o, "type") ?? string.Empty,
        Name = Str(o, "name") ?? string.Empty,
        Scope = Str(o, "scope"),
        Action = ParseAction(Str(o, "action") ?? "no-op"),
        Reason = Str(o, "reason") is { } reason ? Enum.Parse<ChangeReason>(reason) : ChangeReason.None,
        ReasonText = Str(o, "reasonText") ?? string.Empty,
        BeforeHash = Str(o, "beforeHash"),
        AfterHash = Str(o, "afterHash"),
        Diffs = Arr(o, "diffs").Select(n => ReadDiff((JsonObject)(n ?? new JsonObject()))).ToList(),
        Before = (JsonObject?)o["before"]?.DeepClone(),
        After = (JsonObject?)o["after"]?.DeepClone(),
        ReplacePaths = StringList(o["replacePaths"]),
        DependsOn = StringList(o["dependsOn"]),
        SecretBindings = Arr(o, "secretBindings").Select(n => (JsonObject)(n ?? new JsonObject())).Select(b => new ResourceSecretBinding
        {
            Env = Str(b, "env") ?? string.Empty,
            Secret = Str(b, "secret") ?? string.Empty,
            Source = Str(b, "source") ?? string.Empty,
            Key = Str(b, "key") ?? string.Empty,
            Fingerprint = Str(b, "fingerprint"),
        }).ToList(),
        SensitivePaths = StringList(o["sensitivePaths"]),
        UnknownPaths = StringList(o["unknownPaths"]),
        ReplaceOn = StringList(o["replaceOn"]),
        IsWorkload = o["isWorkload"]?.GetValue<bool>() ?? false,
        Keep = o["keep"]?.GetValue<bool>() ?? false,
    };

    private static JsonObject Diff(PropertyDiff d) => new()
    {
        ["path"] = d.Path,
        ["kind"] = d.Kind.ToString().ToLowerInvariant(),
        ["sensitive"] = d.Sensitive,
        ["unknown"] = d.Unknown,
        ["before"] = d.Sensitive ? new JsonObject { ["sensitive"] = true, ["fingerprint"] = d.Before?.DeepClone() } : d.Before?.DeepClone(),
        ["after"] = d.Sensitive ? new JsonObject { ["sensitive"] = true, ["fingerprint"] = d.After?.DeepClone() } : d.After?.DeepClone(),
        ["forcesReplacement"] = d.ForcesReplacement,
    };

    private static PropertyDiff ReadDiff(JsonObject o)
    {
        var sensitive = o["sensitive"]?.GetValue<bool>() ?? false;
        return new PropertyDiff
        {
            Path = Str(o, "path") ?? string.Empty,
            Kind = Enum.Parse<PropertyDiffKind>(Str(o, "kind") ?? "modified", ignoreCase: true),
            Sensitive = sensitive,
            Unknown = o["unknown"]?.GetValue<bool>() ?? false,
            Before = sensitive ? o["before"]?["fingerprint"]?.DeepClone() : o["before"]?.DeepClone(),
            After = sensitive ? o["after"]?["fingerprint"]?.DeepClone() : o["after"]?.DeepClone(),
            ForcesReplacement = o["forcesReplacement"]?.GetValue<bool>() ?? false,
        };
    }

    private static ResourceDrift ReadDrift(JsonObject o) => new()
    {
        Address = Str(o, "address") ?? string.Empty,
        Type = Str(o, "type") ?? string.Empty,
        Kind = Enum.Parse<DriftKind>(Str(o, "kind") ?? "Modified"),
        Detail = Str(o, "detail"),
        Diffs = Arr(o, "diffs").Select(n => ReadDiff((JsonObject)(n ?? new JsonObject()))).ToList(),
    };

    private static JsonObject DiagnosticJson(Diagnostic d) => new()
    {
        ["code"] = d.Code,
        ["severity"] = Diagnostic.SeverityWord(d.Severity),
        ["message"] = d.Message,
        ["file"] = string.IsNullOrEmpty(d.File) ? null : d.File,
        ["line"] = string.IsNullOrEmpty(d.File) ? null : d.Line,
        ["column"] = string.IsNullOrEmpty(d.File) ? null : d.Column,
        ["hint"] = d.Hint,
    };

    private static Diagnostic ReadDiagnostic(JsonObject o)
    {
        var severity = Str(o, "severity") switch
        {
            "error" => DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
        var line = o["line"]?.GetValue<int>() ?? 0;
        var column = o["column"]?.GetValue<int>() ?? 0;
        var position = new SourcePosition(line, column);
        return new Diagnostic(Str(o, "code") ?? string.Empty, severity, Str(o, "message") ?? string.Empty, Str(o, "file") ?? string.Empty,
            new SourceRange(position, position), Str(o, "hint"));
    }

    internal static string ActionName(ChangeAction action) => action switch
    {
        ChangeAction.NoOp => "no-op",
        _ => action.ToString().ToLowerInvariant(),
    };

    private static ChangeAction ParseAction(string text) =>
        text == "no-op" ? ChangeAction.NoOp : Enum.Parse<ChangeAction>(text, ignoreCase: true);

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static List<string> StringList(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n?.GetValue<string>() ?? string.Empty).ToList() : new List<string>();

    private static string? Str(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonObject Obj(JsonObject o, string key) => o[key] as JsonObject ?? throw new FormatException($"\"{key}\" is missing");

    private static JsonArray Arr(JsonObject o, string key) => o[key] as JsonArray ?? new JsonArray();
}
