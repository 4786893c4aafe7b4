using System.Globalization;

namespace AgentSpec.Syntax;

/// <summary>A number, optionally negative (<c>-</c> directly followed by the number, spec §1.7).</summary>
public sealed class NumberValueSyntax : ValueSyntax
{
    internal NumberValueSyntax(SyntaxToken? minus, SyntaxToken number, SyntaxToken? suffix = null)
    {
        Minus = minus;
        Number = number;
        Suffix = suffix;
        if (minus is not null)
        {
            Add(minus);
        }

        Add(number);
        if (suffix is not null)
        {
            Add(suffix);
        }
    }

    public SyntaxToken? Minus { get; }

    public SyntaxToken Number { get; }

    /// <summary>A word glued to the number (<c>30s</c>, <c>512Mi</c>): the value was meant as a string (AS3001).</summary>
    public SyntaxToken? Suffix { get; }

    public bool IsInteger => Suffix is null && !Number.Text.Contains('.', StringComparison.Ordinal);

    public override string Text => (Minus is null ? string.Empty : "-") + Number.Text + (Suffix?.Text ?? string.Empty);

    /// <summary>The integer value, or null when it has a fraction or is outside the 64-bit range.</summary>
    public long? IntegerValue =>
        IsInteger && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    public double FloatValue => Suffix is not null ? double.NaN : double.Parse(Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
