namespace AgentSpec;

/// <summary>
/// <c>SpecInvalid</c>: the specification has Error diagnostics that stop resolution (deployment spec §2.1 stages 3
/// and 5). <see cref="Diagnostics"/> holds those errors; the message shows them in text form.
/// </summary>
public sealed class SpecInvalidException : AgentSpecException
{
    public const string Id = "SpecInvalid";

    public SpecInvalidException(string specification, IReadOnlyList<Diagnostic> diagnostics)
        : base(
            Id,
            AgentSpecErrorCategory.InvalidData,
            Describe(specification, diagnostics),
            diagnostics.ToArray(),
            "Fix the errors (Test-AgentSpec -Detailed lists them with their locations), then run the command again.")
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(string specification, IReadOnlyList<Diagnostic> diagnostics) =>
        $"The specification '{specification}' has {diagnostics.Count} error{(diagnostics.Count == 1 ? string.Empty : "s")}:\n"
        + string.Join("\n", diagnostics.Select(d => d.ToText()));
}
