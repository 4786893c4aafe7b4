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
