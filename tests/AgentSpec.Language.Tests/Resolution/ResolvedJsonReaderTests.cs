using System.Text.Json.Nodes;
using AgentSpec.Resolution;
using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Resolution;

/// <summary>
/// A history snapshot read back (deployment spec §9.2 restore) gives the same resolved units, field for field, as the
/// resolution it was written from: checked on every valid corpus file whose default target resolves.
/// </summary>
public sealed class ResolvedJsonReaderTests
{
    public static TheoryData<string> ValidFiles => CorpusEntry.Paths(e => e.IsValid);

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Snapshot_round_trips_the_units(string relativePath)
    {
        var resolved = SpecResolver.Resolve(CorpusEntry.Get(relativePath).FullPath, null, null);
        if (resolved.Units.Count == 0 || resolved.Target is null)
        {
            return; // no default target (ambiguous or none): nothing is ever snapshotted for it
        }

        var written = JsonNode.Parse(resolved.ToJson()) as JsonObject ?? new JsonObject();
        var snapshot = new JsonObject
        {
            ["formatVersion"] = 1,
            ["package"] = written["package"]?.DeepClone(),
            ["environment"] = resolved.Environment,
            ["units"] = written["units"]?.DeepClone(),
        };

        var read = ResolvedJsonReader.Deployment(snapshot, resolved.Target);
        var again = JsonNode.Parse(read.ToJson()) as JsonObject ?? new JsonObject();
        Assert.Equal(written["units"]?.ToJsonString(), again["units"]?.ToJsonString());
        Assert.Equal(resolved.Kind, read.Kind);
        Assert.Equal(resolved.Scope, read.Scope);
        Assert.Equal(resolved.SecretReferences.Select(s => s.Name), read.SecretReferences.Select(s => s.Name));
        Assert.Equal(resolved.Package?.Name, read.Package?.Name);
    }
}
