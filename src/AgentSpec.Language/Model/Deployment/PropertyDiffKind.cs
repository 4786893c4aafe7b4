namespace AgentSpec;

/// <summary>How one attribute path differs between the recorded and the desired state.</summary>
public enum PropertyDiffKind
{
    Added,
    Removed,
    Modified,
}
