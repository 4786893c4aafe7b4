namespace AgentSpec.RuntimeModel;

/// <summary>A runtime document that cannot be read: bad JSON, wrong shape or an unsupported <c>format_version</c>.</summary>
public sealed class RuntimeDocumentException : Exception
{
    public RuntimeDocumentException(string message) : base(message) { }

    public RuntimeDocumentException(string message, Exception inner) : base(message, inner) { }
}
