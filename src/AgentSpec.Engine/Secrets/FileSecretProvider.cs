using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentSpec.Engine.Secrets;

/// <summary>
/// The <c>File</c> store provider: only when <c>AGENTSPEC_SECRETS_FILE</c> names a JSON object
/// <c>{ "&lt;path&gt;": "&lt;value&gt;" }</c> (tests and local demos).
/// </summary>
public sealed class FileSecretProvider : ISecretProvider
{
    private readonly string? _path;
    private JsonObject? _values;

    public FileSecretProvider()
        : this(Environment.GetEnvironmentVariable("AGENTSPEC_SECRETS_FILE"))
    {
    }

    public FileSecretProvider(string? path) => _path = string.IsNullOrEmpty(path) ? null : path;

    public string Name => "File";

    public bool IsAvailable => _path is not null;

    public string Describe(SecretReference reference) => $"File ({_path}, key \"{reference.Key}\")";

    public SecretLookup TryGet(SecretReference reference)
    {
        if (_path is null)
        {
            return SecretLookup.NotFound;
        }

        try
        {
            _values ??= JsonNode.Parse(File.ReadAllText(_path)) as JsonObject
                ?? throw new JsonException("the file does not hold a JSON object");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            // The message names the file and the parser position, never file content.
            return SecretLookup.Failed($"the secrets file \"{_path}\" cannot be read: {exception.GetType().Name}");
        }

        return _values[reference.Key] switch
        {
            JsonValue value when value.TryGetValue<string>(out var text) => SecretLookup.Of(text),
            null => SecretLookup.NotFound,
            _ => SecretLookup.Failed($"the secrets file \"{_path}\" holds a non-string value for \"{reference.Key}\" (secret must be a string)"),
        };
    }
}
