namespace AgentSpec.Validation;

/// <summary>
/// Step 4 of the processing order (spec §1): value and semantic rules (AS3xxx), deploy and target rules (AS5xxx)
/// and the security lint (AS6xxx) over a bound document (the overlaid one when an environment is selected).
/// Diagnostics go to the bag of the file they are about. Every rule is linear in the size of the document.
/// </summary>
internal static class DocumentValidator
{
    public static void Validate(Document document)
    {
        var context = new ValidationContext(document);
        HeaderRules.Check(context);
        ImportRules.Check(context);
        foreach (var prompt in document.Prompts)
        {
            PromptRules.Check(context, prompt);
        }

        foreach (var skill in document.Skills)
        {
            SkillRules.Check(context, skill);
        }

        foreach (var agent in document.Agents)
        {
            AgentRules.Check(context, agent);
            AgentPartRules.Check(context, agent);
            OnInputRules.Check(context, agent);
        }

        AgentGraphRules.Check(context);
        foreach (var secret in document.Secrets)
        {
            SecretRules.Check(context, secret);
        }

        foreach (var pipeline in document.Pipelines)
        {
            PipelineRules.Check(context, pipeline);
        }

        foreach (var type in document.Types)
        {
            TypeRules.Check(context, type);
        }

        foreach (var server in document.Servers)
        {
            ServerRules.Check(context, server);
        }

        foreach (var client in document.Clients)
        {
            ServerRules.Check(context, client);
        }

        foreach (var user in document.Users)
        {
            AccessRules.Check(context, user);
        }

        foreach (var guardrail in document.Guardrails)
        {
            AccessRules.Check(context, guardrail);
        }

        LegacyRules.Check(context);
        DeployRules.Check(context);
        SecurityLint.Check(context);
    }
}
