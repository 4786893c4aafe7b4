using System.Formats.Tar;
using System.Text;

namespace AgentSpec.Engine.Providers.Docker;

/// <summary>The in-memory build context of an agent image (deployment spec §7.2): Dockerfile, agentspec (0755), config.json.</summary>
public static class DockerBuildContext
{
    public static MemoryStream Create(string dockerfile, string runtimePath, string configJson)
    {
        // Sized for the runtime (≈120 MB) up front: a growing stream would copy it several times over while doubling.
        var stream = new MemoryStream(checked((int)Math.Min(int.MaxValue, new FileInfo(runtimePath).Length + ContextSlack + dockerfile.Length + configJson.Length * 4L)));
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            Add(writer, "Dockerfile", Encoding.UTF8.GetBytes(dockerfile), ReadWrite);
            using (var runtime = File.OpenRead(runtimePath))
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "agentspec") { DataStream = runtime, Mode = Executable, ModificationTime = Epoch });
            }

            Add(writer, "config.json", Encoding.UTF8.GetBytes(configJson), ReadWrite);
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>Tar headers (PAX records included), padding and the end-of-archive blocks.</summary>
    private const int ContextSlack = 64 * 1024;

    private const UnixFileMode ReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode Executable = ReadWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    private static void Add(TarWriter writer, string name, byte[] content, UnixFileMode mode)
    {
        using var data = new MemoryStream(content);
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = data, Mode = mode, ModificationTime = Epoch });
    }
}
