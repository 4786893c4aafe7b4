using System.Text.Json.Nodes;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Tests;

public class StateStoreTests
{
    [Fact]
    public void AbsentStateIsEmptyAndAbsentWithBackupWarns()
    {
        var folder = TestEnvironment.TempFolder();
        var path = Path.Combine(folder, StateStore.DefaultFileName);
        var empty = StateStore.Read(path);
        Assert.True(empty.Absent);
        Assert.Equal(0, empty.Serial);
        Assert.Empty(empty.Diagnostics);
        File.WriteAllText(path + ".bak", "{}");
        Assert.Equal("AS5107", Assert.Single(StateStore.Read(path).Diagnostics).Code);
    }

    [Fact]
    public void WriteIsAtomicKeepsBackupAndRoundTripsUnknownProperties()
    {
        var folder = TestEnvironment.TempFolder();
        var path = Path.Combine(folder, StateStore.DefaultFileName);
        var document = StateStore.Create(null, null);
        document.Targets["dev"] = new TargetRecord { Kind = "process", Package = "p", PackageVersion = "1.0.0" };
        StateStore.Write(path, document);
        Assert.Equal(1, document.Serial);
        var first = File.ReadAllText(path);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        Assert.Contains("\"formatVersion\": 2", first, StringComparison.Ordinal);

        // An unknown property written by a newer tool survives a rewrite.
        var json = JsonNode.Parse(first)!.AsObject();
        json["futureField"] = new JsonObject { ["x"] = 1 };
        json["targets"]!["dev"]!["futureTargetField"] = "kept";
        File.WriteAllText(path, json.ToJsonString());
        var read = StateStore.Read(path);
        Assert.NotNull(read.Document);
        StateStore.Write(path, read.Document!);
        var rewritten = File.ReadAllText(path);
        Assert.Contains("futureField", rewritten, StringComparison.Ordinal);
        Assert.Contains("futureTargetField", rewritten, StringComparison.Ordinal);
        Assert.Equal(2, StateStore.Read(path).Serial);
        Assert.True(File.Exists(path + ".bak"));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp-*"));
    }

    [Fact]
    public void OnePassSerialisationWritesTheSameTextAsTheJsonTree()
    {
        // The state is written in one pass; its text must stay what writing the document's JSON tree gave (stable diffs).
        var folder = TestEnvironment.TempFolder();
        var path = Path.Combine(folder, StateStore.DefaultFileName);
        var document = StateStore.Create(null, null);
        var attributes = new JsonObject
        {
            ["content"] = "<tag> & \"quoted\" \\ back\nslash \u2028 é 日本 \U0001F600 \u0001",
            ["numbers"] = new JsonArray(0, -1, 1.5, 1e-7, 123456789012345, 1e21),
            ["nested"] = new JsonObject { ["b"] = true, ["a"] = null, ["list"] = new JsonArray(new JsonObject { ["name"] = "x" }) },
        };
        document.Targets["dev"] = new TargetRecord
        {
            Kind = "process",
            Package = "p",
            PackageVersion = "1.0.0",
            Resources = [new ResourceRecord { Address = "dev/process/ConfigFile/p-dev", Type = "ConfigFile", Name = "p-dev", Status = ResourceRecord.Applied, Hash = "sha256:" + new string('0', 64), Attributes = attributes }],
        };
        document.Snapshots["sha256:1"] = new JsonObject { ["units"] = new JsonArray("<&>") };
        StateStore.Write(path, document);

        // Once from memory, once from a compact rewrite of the file (values then come from the parsed text).
        Assert.Equal(TreeText(document), StateStore.Serialize(document));
        File.WriteAllText(path, JsonNode.Parse(File.ReadAllText(path))!.ToJsonString());
        var read = StateStore.Read(path).Document!;
        Assert.Equal(TreeText(read), StateStore.Serialize(read));
        Assert.Equal(attributes.ToJsonString(), read.Targets["dev"].Resources[0].Attributes.ToJsonString());
    }

    [Fact]
    public void ByteOrderMarkIsToleratedAndMalformedShapesAreCorrupt()
    {
        var folder = TestEnvironment.TempFolder();
        var path = Path.Combine(folder, StateStore.DefaultFileName);
        StateStore.Write(path, StateStore.Create(null, null));
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(1, StateStore.Read(path).Serial);

        foreach (var bad in new[] { text + " {}", "{\"formatVersion\": \"2\"}", "5", "" })
        {
            File.WriteAllText(path, bad);
            Assert.Equal(ErrorIds.StateCorrupt, Assert.Throws<AgentSpecException>(() => StateStore.Read(path)).ErrorId);
        }
    }

    private static string TreeText(StateDocument document) =>
        AgentSpec.Engine.Json.JsonFiles.Write(System.Text.Json.JsonSerializer.SerializeToNode(document, StateStore.Options));

    [Fact]
    public void CorruptAndNewerFilesAreRefused()
    {
        var folder = TestEnvironment.TempFolder();
        var path = Path.Combine(folder, StateStore.DefaultFileName);
        File.WriteAllText(path, "{ not json");
        var corrupt = Assert.Throws<AgentSpecException>(() => StateStore.Read(path));
        Assert.Equal(ErrorIds.StateCorrupt, corrupt.ErrorId);
        Assert.Contains(".bak", corrupt.Message, StringComparison.Ordinal);

        File.WriteAllText(path, "{\"formatVersion\": 3}");
        Assert.Equal(ErrorIds.StateVersionUnsupported, Assert.Throws<AgentSpecException>(() => StateStore.Read(path)).ErrorId);

        File.WriteAllText(path, "{\"formatVersion\": 2, \"lineage\": \"nope\", \"serial\": 1, \"secretSalt\": \"\", \"targets\": {}, \"history\": []}");
        Assert.Equal(ErrorIds.StateCorrupt, Assert.Throws<AgentSpecException>(() => StateStore.Read(path)).ErrorId);
    }

    [Theory]
    [InlineData("{\"version\": \"1.0\", \"entries\": [{\"name\": \"a\", \"orphaned_at\": \"0001-01-01T00:00:00Z\"}], \"budgets\": {}}", 1)]
    [InlineData("{\"version\": \"1.0\", \"entries\": null}", 0)]
    [InlineData("[{\"name\": \"a\"}, {\"name\": \"b\"}]", 2)]
    public void LegacyFormsAreReadAsEmptyWithAnInfo(string text, int entries)
    {
        var folder = TestEnvironment.TempFolder();
        var path = Path.Combine(folder, StateStore.DefaultFileName);
        File.WriteAllText(path, text);
        var read = StateStore.Read(path);
        Assert.True(read.Absent);
        Assert.NotNull(read.Legacy);
        Assert.StartsWith("sha256:", read.LegacyDigest, StringComparison.Ordinal);
        var info = Assert.Single(read.Diagnostics);
        Assert.Equal("AS5106", info.Code);
        Assert.Contains($"{entries} legacy entr", info.Message, StringComparison.Ordinal);

        // The first write migrates: format 2, the old document under "legacy", the old file as .bak.
        var document = StateStore.Create(null, read.Legacy);
        StateStore.Write(path, document);
        Assert.Equal(text, File.ReadAllText(path + ".bak"));
        var migrated = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(2, migrated["formatVersion"]!.GetValue<int>());
        Assert.NotNull(migrated["legacy"]!["importedAt"]);
    }
}
