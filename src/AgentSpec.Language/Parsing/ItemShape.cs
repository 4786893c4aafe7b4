namespace AgentSpec.Parsing;

/// <summary>How the parser reads an item after its first word.</summary>
internal enum ItemShape
{
    Value,
    Block,
    Map,
    Uses,
    PromptShorthand,
    Budget,
    Connects,
    Delegate,
    OnInput,
    Tool,
    Execution,
    Default,
    UserKey,
    Exposes,
    Scoring,
    SecretSource,
    PolicyRule,
    Rule,
    Case,
    Step,
    UseStatement,
    DelegateStatement,
    RespondStatement,
    IfStatement,
    ForStatement,
}
