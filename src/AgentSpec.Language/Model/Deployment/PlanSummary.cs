using System.Globalization;

namespace AgentSpec;

/// <summary>Counts of a plan's actions; a replacement counts once in add and once in destroy (Terraform convention).</summary>
public sealed class PlanSummary
{
    public int Add { get; init; }

    public int Change { get; init; }

    public int Replace { get; init; }

    public int Destroy { get; init; }

    public int NoOp { get; init; }

    public int Drifted { get; init; }

    /// <summary><c>Plan: A to add, C to change, D to destroy.</c></summary>
    public string Text => string.Format(
        CultureInfo.InvariantCulture, "Plan: {0} to add, {1} to change, {2} to destroy.", Add + Replace, Change, Destroy + Replace);

    public static PlanSummary Of(IEnumerable<ResourceChange> changes, int drifted = 0)
    {
        var list = changes.ToList();
        return new PlanSummary
        {
            Add = list.Count(c => c.Action == ChangeAction.Create),
            Change = list.Count(c => c.Action == ChangeAction.Update),
            Replace = list.Count(c => c.Action == ChangeAction.Replace),
            Destroy = list.Count(c => c.Action == ChangeAction.Delete),
            NoOp = list.Count(c => c.Action == ChangeAction.NoOp),
            Drifted = drifted,
        };
    }

    public override string ToString() => Text;
}
