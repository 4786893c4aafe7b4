using System.Globalization;

namespace AgentSpec.Syntax;

/// <summary>A number, optionally negative (<c>-</c> directly followed by the number, spec §1.7).</summary>
public sealed class NumberValueSyntax : ValueSyntax
{
    internal NumberValueSyntax(SyntaxToken? minus, SyntaxToken number)
    {
        Minus = minus;
        Number = number;
        if (minus is not null)
        {
            Add(minus);
        }

        Add(number);
    }

    public SyntaxToken? Minus { get; }

    public SyntaxToken Number { get; }

    public bool IsInteger => !Number.Text.Contains('.', StringComparison.Ordinal);

    public override string Text => (Minus is null ? string.Empty : "-") + Number.Text;

    /// <summary>The integer value, or null when it has a fraction or is outside the 64-bit range.</summary>
    public long? IntegerValue =>
        IsInteger && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    public double FloatValue => double.Parse(Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
