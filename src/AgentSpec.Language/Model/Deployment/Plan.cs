using System.Text.Json.Nodes;

namespace AgentSpec;

/// <summary>
/// The result of <c>Get-AgentSpecPlan</c> (deployment spec §5.1): every resource of the target with its action,
/// property diffs with secrets masked, diagnostics and the seal that apply checks. <see cref="ToJson"/> is the saved
/// plan file (self-contained: desired attributes, secret references and the history snapshot).
/// </summary>
public sealed class Plan
{
    public const string CurrentFormatVersion = "1.0";

    public string FormatVersion { get; init; } = CurrentFormatVersion;

    public string PlanId { get; init; } = Guid.NewGuid().ToString();

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public string ToolVersion { get; init; } = string.Empty;

    public PlanMode Mode { get; init; }

    public string Package { get; init; } = string.Empty;

    public string PackageVersion { get; init; } = string.Empty;

    public string? Environment { get; init; }

    public string Target { get; init; } = string.Empty;

    public string TargetKind { get; init; } = string.Empty;

    public IReadOnlyList<string> Scope { get; init; } = Array.Empty<string>();

    /// <summary>The endpoint identity configured at plan time (process: <c>{host}</c>).</summary>
    public JsonObject Endpoint { get; init; } = new();

    public string StatePath { get; init; } = string.Empty;

    public PlanSeal Seal { get; init; } = new();

    public string? SpecHash { get; init; }

    public string DesiredHash { get; init; } = string.Empty;

    /// <summary>All resources in apply order, no-ops included.</summary>
    public IReadOnlyList<ResourceChange> Changes { get; init; } = Array.Empty<ResourceChange>();

    public IReadOnlyList<ResourceDrift> Drift { get; init; } = Array.Empty<ResourceDrift>();

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = Array.Empty<Diagnostic>();

    /// <summary>The secret-free description of the configuration stored in history (deployment spec §9.1); null for destroy.</summary>
    public JsonObject? Snapshot { get; init; }

    /// <summary>For restore plans: the history serial restored.</summary>
    public long? RestoredFrom { get; init; }

    /// <summary>True when the plan was read from or written to a file.</summary>
    public bool IsSaved { get; set; }

    public PlanSummary Summary => PlanSummary.Of(Changes, Drift.Count);

    public bool HasChanges => Changes.Any(c => c.Action != ChangeAction.NoOp);

    public bool HasDrift => Drift.Count > 0;

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public bool IsApplyable => HasChanges && !HasErrors;

    /// <summary>The Terraform-like text rendering; ANSI colours when <paramref name="ansi"/> is true and NO_COLOR is not set.</summary>
    public string Render(bool ansi) => PlanTextRenderer.Render(this, ansi && string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("NO_COLOR")));

    /// <summary>The saved-plan JSON document (2-space indented, LF, with a checksum).</summary>
    public string ToJson() => PlanJson.Write(this);

    /// <summary>Reads a saved plan; <see cref="PlanFileInvalidException"/> when it is unreadable or its checksum does not match.</summary>
    public static Plan FromJson(string json, string source) => PlanJson.Read(json, source);

    public override string ToString() => Render(false);
}
