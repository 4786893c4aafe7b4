namespace AgentSpec.Binding;

/// <summary>The value type of an attribute (language spec §3.1).</summary>
internal enum ValueKind
{
    String,
    Enum,
    OpenEnum,
    Int,
    Float,
    Bool,
    Duration,
    Semver,
    Cpu,
    MemoryQuantity,
    IntOrMemory,
    List,
    Map,
    Reference,
    ReferenceList,
    Block,
}
