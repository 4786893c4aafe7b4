using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Json;

namespace AgentSpec.Engine.State;

/// <summary>Reads, migrates and atomically writes the state file (deployment spec §4.3, §4.4).</summary>
public static class StateStore
{
    public const string DefaultFileName = ".agentspec.state.json";

    internal static readonly JsonSerializerOptions Options = CreateOptions();

    public static StateSnapshot Read(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            var diagnostics = File.Exists(full + ".bak")
                ? new[]
                {
                    EngineDiagnostics.Warning("AS5107", $"State file \"{path}\" is missing but a backup exists; restore it with Copy-Item if the removal was not intended."),
                }
                : Array.Empty<Diagnostic>();
            return new StateSnapshot { Path = full, Diagnostics = diagnostics };
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Corrupt(full, $"it cannot be read ({exception.Message})");
        }

        var json = Utf8Json(bytes);
        StateShape shape;
        try
        {
            shape = StateShape.Scan(json);
        }
        catch (JsonException exception)
        {
            throw Corrupt(full, $"it is not valid JSON ({exception.Message})");
        }

        if (shape.IsLegacy)
        {
            var root = JsonNode.Parse(json);
            var entries = root is JsonArray array ? array : root?["entries"] as JsonArray;
            var count = entries?.Count ?? 0;
            return new StateSnapshot
            {
                Path = full,
                Legacy = root,
                LegacyDigest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)),
                Diagnostics =
                [
                    EngineDiagnostics.Info("AS5106", string.Format(CultureInfo.InvariantCulture,
                        "Legacy state read: {0} legacy entr{1} preserved, not used for planning; the next apply migrates the file to format 2.", count, count == 1 ? "y" : "ies")),
                ],
            };
        }

        if (shape.FormatVersion is not { } version)
        {
            throw Corrupt(full, "it has no formatVersion");
        }

        if (version > StateDocument.CurrentFormatVersion)
        {
            throw new AgentSpecException(ErrorIds.StateVersionUnsupported, AgentSpecErrorCategory.NotImplemented,
                $"State file \"{path}\" has format {version}, newer than this AgentSpec supports ({StateDocument.CurrentFormatVersion}); upgrade the module.", full);
        }

        StateDocument document;
        try
        {
            // One pass from the bytes: JsonObject members (attributes, observed, snapshots) stay backed by the parsed
            // JSON until first touched, so a plan pays only for the resources it compares.
            document = JsonSerializer.Deserialize<StateDocument>(json, Options) ?? throw new JsonException("empty document");
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            throw Corrupt(full, $"it does not match the state schema ({exception.Message})");
        }

        Validate(document, full);
        return new StateSnapshot { Path = full, Document = document };
    }

    /// <summary>
    /// Writes <paramref name="document"/> with the protocol of §4.3: serial + 1, temporary file flushed to disk, the
    /// previous file copied to <c>.bak</c>, then an atomic rename. Never cancelled.
    /// </summary>
    public static void Write(string path, StateDocument document)
    {
        var full = System.IO.Path.GetFullPath(path);
        document.Serial++;
        document.UpdatedAt = Now();
        document.ToolVersion = ToolVersion.Current;
        var text = Serialize(document);
        var folder = System.IO.Path.GetDirectoryName(full) ?? ".";
        var temporary = System.IO.Path.Combine(folder, System.IO.Path.GetFileName(full) + ".tmp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(text));
                stream.Flush(true);
            }

            if (File.Exists(full))
            {
                File.Copy(full, full + ".bak", overwrite: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The temporary file is left behind; the original state is untouched.
            }

            document.Serial--;
            throw new AgentSpecException(ErrorIds.StateWriteFailed, AgentSpecErrorCategory.WriteError, $"State file \"{path}\" could not be written: {exception.Message}", full, innerException: exception);
        }
    }

    /// <summary>The file text: serialised in one pass (the same text as writing the document's JSON tree with <see cref="JsonFiles.Write"/>).</summary>
    public static string Serialize(StateDocument document) => JsonSerializer.Serialize(document, Options) + "\n";

    /// <summary>The JSON text of the file without a UTF-8 byte order mark (tolerated on read, never written).</summary>
    private static ReadOnlySpan<byte> Utf8Json(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsSpan(3) : bytes;

    /// <summary>A new, empty format-2 document (serial 0 until its first write).</summary>
    public static StateDocument Create(string? salt, JsonNode? legacy)
    {
        var now = Now();
        var document = new StateDocument
        {
            Lineage = Guid.NewGuid().ToString(),
            Serial = 0,
            ToolVersion = ToolVersion.Current,
            CreatedAt = now,
            UpdatedAt = now,
            SecretSalt = salt ?? Secrets.SecretFingerprint.NewSalt(),
        };
        if (legacy is not null)
        {
            document.Legacy = new JsonObject { ["document"] = legacy.DeepClone(), ["importedAt"] = UtcTimeConverter.Text(now) };
        }

        return document;
    }

    public static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private static void Validate(StateDocument document, string path)
    {
        string? problem = null;
        if (!Guid.TryParse(document.Lineage, out _))
        {
            problem = "lineage is not a UUID";
        }
        else if (document.Serial < 1)
        {
            problem = "serial is below 1";
        }
        else if (document.SecretSalt.Length != 44)
        {
            problem = "secretSalt is not 32 bytes of base64";
        }
        else if (document.Targets.Values.SelectMany(t => t.Resources).FirstOrDefault(r =>
                     !r.Hash.StartsWith("sha256:", StringComparison.Ordinal) || r.Status is not (ResourceRecord.Pending or ResourceRecord.Applied or ResourceRecord.Failed or ResourceRecord.Tainted)) is { } bad)
        {
            problem = $"resource \"{bad.Address}\" has an invalid hash or status";
        }

        if (problem is not null)
        {
            throw Corrupt(path, problem);
        }
    }

    private static AgentSpecException Corrupt(string path, string why) =>
        new(ErrorIds.StateCorrupt, AgentSpecErrorCategory.InvalidData,
            $"State file \"{path}\" is corrupt: {why}. Nothing was written; the previous version is \"{path}.bak\".", path)
        {
            RecommendedAction = $"Inspect the file; if it cannot be repaired, restore \"{path}.bak\" with Copy-Item.",
        };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonFiles.Indented)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new UtcTimeConverter());
        return options;
    }
}
