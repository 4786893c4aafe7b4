namespace AgentSpec.Engine.Apply;

/// <summary>What an apply did: one result per resource acted on, the final serial and the history outcome.</summary>
public sealed class ApplyReport
{
    public required IReadOnlyList<ApplyResult> Results { get; init; }

    public long Serial { get; init; }

    /// <summary>succeeded, partial, failed or cancelled.</summary>
    public required string Outcome { get; init; }

    public bool Cancelled => Outcome == "cancelled";

    /// <summary><c>Apply complete: A added, C changed, D destroyed, F failed (state serial N).</c></summary>
    public string SummaryText(string verb = "Apply")
    {
        var ok = Results.Where(r => r.Status == ApplyStatus.Succeeded).ToList();
        var added = ok.Count(r => r.Action is ChangeAction.Create or ChangeAction.Replace);
        var changed = ok.Count(r => r.Action == ChangeAction.Update);
        var destroyed = ok.Count(r => r.Action is ChangeAction.Delete or ChangeAction.Replace);
        var failed = Results.Count(r => r.Status == ApplyStatus.Failed);
        var word = Cancelled ? "cancelled" : "complete";
        return $"{verb} {word}: {added} added, {changed} changed, {destroyed} destroyed, {failed} failed (state serial {Serial}).";
    }
}
