using System.Diagnostics;
using System.Formats.Tar;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace AgentSpec.Engine.Benchmarks;

/// <summary>
/// A minimal base image imported from the host's own libraries (no registry), as in
/// tests/AgentSpec.Docker.Tests/DockerFixture.cs: the libraries the runtime links, OpenSSL, CA certificates, a
/// nonroot user 65532, /tmp and /app. Tagged per run and removed by <see cref="RemoveAsync"/>.
/// </summary>
internal sealed class BaseImage(DockerClient client, string runId)
{
    public string Repository => "agentspec-bench/base";

    public string Tag => "bookworm-" + runId;

    public string Reference => Repository + ":" + Tag;

    public async Task ImportAsync(string runtimeExecutable)
    {
        var files = new SortedSet<string>(LinkedLibraries(runtimeExecutable), StringComparer.Ordinal);
        foreach (var optional in new[] { "libssl.so.3", "libcrypto.so.3", "libz.so.1" })
        {
            if (new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu" }.Select(d => Path.Combine(d, optional)).FirstOrDefault(File.Exists) is { } found)
            {
                files.Add(found);
            }
        }

        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var folder in files.Append("/etc/ssl/certs/x").SelectMany(Parents).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, folder.TrimStart('/') + "/") { Mode = (UnixFileMode)0b111_101_101 });
            }

            foreach (var file in files)
            {
                AddFile(writer, file);
            }

            if (File.Exists("/etc/ssl/certs/ca-certificates.crt"))
            {
                AddFile(writer, "/etc/ssl/certs/ca-certificates.crt");
            }

            AddText(writer, "etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n");
            AddText(writer, "etc/group", "root:x:0:\nnonroot:x:65532:\n");
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "tmp/") { Mode = (UnixFileMode)0b1_111_111_111 });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "app/") { Mode = (UnixFileMode)0b111_101_101 });
        }

        tar.Position = 0;
        var errors = new Errors();
        await client.Images.CreateImageAsync(new ImagesCreateParameters { FromSrc = "-", Repo = Repository, Tag = Tag }, tar, null, errors, CancellationToken.None);
        if (errors.Messages.Count > 0)
        {
            throw new InvalidOperationException("importing the base image failed: " + string.Join("\n", errors.Messages));
        }
    }

    public async Task RemoveAsync()
    {
        try
        {
            await client.Images.DeleteImageAsync(Reference, new ImageDeleteParameters { Force = true }, CancellationToken.None);
        }
        catch (DockerApiException)
        {
            // Never imported, or already gone.
        }
    }

    private static IEnumerable<string> Parents(string file)
    {
        for (var folder = Path.GetDirectoryName(file); !string.IsNullOrEmpty(folder) && folder != "/"; folder = Path.GetDirectoryName(folder))
        {
            yield return folder;
        }
    }

    private static IEnumerable<string> LinkedLibraries(string executable)
    {
        var start = new ProcessStartInfo("ldd", [executable]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start ldd");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        foreach (var line in output.Split('\n'))
        {
            var path = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(p => p.StartsWith('/'));
            if (path is not null && File.Exists(path))
            {
                yield return path;
            }
        }
    }

    private static void AddFile(TarWriter writer, string path)
    {
        // Symbolic links are stored as regular files under the name the loader looks for.
        using var data = File.OpenRead(path);
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path.TrimStart('/')) { DataStream = data, Mode = (UnixFileMode)0b111_101_101 });
    }

    private static void AddText(TarWriter writer, string name, string text)
    {
        using var data = new MemoryStream(Encoding.UTF8.GetBytes(text));
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = data, Mode = (UnixFileMode)0b110_100_100 });
    }

    private sealed class Errors : IProgress<JSONMessage>
    {
        public List<string> Messages { get; } = new();

        public void Report(JSONMessage value)
        {
            if ((value.Error?.Message ?? value.ErrorMessage) is { Length: > 0 } error)
            {
                Messages.Add(error);
            }
        }
    }
}
