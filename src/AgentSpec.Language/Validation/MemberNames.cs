using AgentSpec.Syntax;

namespace AgentSpec.Validation;

/// <summary>AS2007: member names that must be unique inside their block (spec §4.1).</summary>
internal sealed class MemberNames
{
    private readonly ValidationContext context;
    private readonly Declaration owner;
    private readonly string member;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public MemberNames(ValidationContext context, Declaration owner, string member)
    {
        this.context = context;
        this.owner = owner;
        this.member = member;
    }

    /// <summary>Records a name; reports AS2007 at its range when it was seen before. Returns true for a first occurrence.</summary>
    public bool Add(string name, SourceRange range)
    {
        if (seen.Add(name))
        {
            return true;
        }

        context.Report("AS2007", owner, range, $"duplicate {member} \"{name}\" in {ValidationContext.Describe(owner)}");
        return false;
    }

    /// <summary>Records the name written as an item's first value (entries, steps, rules, cases).</summary>
    public bool Add(ItemSyntax item) => item.Values.Count == 0 || Add(item.Values[0].Text, item.Values[0].Range);
}
