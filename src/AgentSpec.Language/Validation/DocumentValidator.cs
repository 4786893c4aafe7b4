namespace AgentSpec.Validation;

/// <summary>
/// Step 4 of the processing order (spec §1): value and semantic rules (AS3xxx), deploy and target rules (AS5xxx)
/// and the security lint (AS6xxx) over a bound document. Diagnostics go to the bag of the file they are about.
/// </summary>
internal static class DocumentValidator
{
    public static void Validate(Document document)
    {
        var context = new ValidationContext(document);
        HeaderRules.Check(context);
    }
}
