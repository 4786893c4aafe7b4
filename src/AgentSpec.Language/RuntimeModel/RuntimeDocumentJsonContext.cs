using System.Text.Json.Serialization;

namespace AgentSpec.RuntimeModel;

/// <summary>Source-generated serialisation of runtime documents (no reflection at startup).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RuntimeDocument))]
internal sealed partial class RuntimeDocumentJsonContext : JsonSerializerContext
{
}
