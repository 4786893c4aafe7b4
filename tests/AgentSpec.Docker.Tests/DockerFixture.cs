using System.Diagnostics;
using System.Formats.Tar;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace AgentSpec.Docker.Tests;

/// <summary>
/// Shared set-up: the engine must be there (else every test fails with how to start it, unless
/// <c>AGENTSPEC_SKIP_DOCKER_TESTS=1</c>); the linux-x64 runtime is published once into the test output (or taken from
/// <c>AGENTSPEC_RUNTIME_PATH</c>); the base image <see cref="BaseImage"/> is imported from the host's own glibc, libstdc++,
/// libgcc_s, OpenSSL and CA certificates (no registry is needed) and removed again at the end.
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    /// <summary>This test run's id: its temporary folders, base image tag and clean-up are scoped to it, so two runs can share one engine.</summary>
    public static string RunId { get; } = Guid.NewGuid().ToString("N")[..10];

    /// <summary>The imported base image of this run (repository as in deployment spec §7.2, tag per run).</summary>
    public static string BaseImage { get; } = "agentspec-test/base:bookworm-" + RunId;

    /// <summary>Every temporary folder (and so every state file) of this run lives under this one.</summary>
    public static string RunRoot { get; } = Path.Combine(Path.GetTempPath(), "agentspec-docker-tests", RunId);
    public const string Socket = "/var/run/docker.sock";
    public const string TestLabel = "agentspec.io/test-base";

    public bool Skip { get; } = Environment.GetEnvironmentVariable("AGENTSPEC_SKIP_DOCKER_TESTS") == "1";

    public string? Unavailable { get; private set; }

    public string RuntimeFolder { get; private set; } = string.Empty;

    public static string RepositoryRoot { get; } = FindRoot();

    public DockerClient Client { get; } = new DockerClientConfiguration(new Uri("unix://" + Socket)).CreateClient();

    public async Task InitializeAsync()
    {
        if (Skip)
        {
            return;
        }

        if (!File.Exists(Socket))
        {
            Unavailable = $"The Docker engine socket {Socket} does not exist. Start it (as root: `dockerd >/tmp/dockerd.log 2>&1 &`, "
                + "or `sudo systemctl start docker`; Debian packages docker.io and docker-compose), or set AGENTSPEC_SKIP_DOCKER_TESTS=1 to skip these tests.";
            return;
        }

        RuntimeFolder = PublishRuntime();
        Environment.SetEnvironmentVariable("AGENTSPEC_RUNTIME_PATH", RuntimeFolder);
        Environment.SetEnvironmentVariable("AGENTSPEC_BASE_IMAGE", BaseImage);
        await ImportBaseImageAsync();
    }

    /// <summary>Fails the test with how to start dockerd when the engine is missing; false when the tests are skipped on purpose.</summary>
    public bool Ready()
    {
        if (Skip)
        {
            return false;
        }

        Assert.True(Unavailable is null, Unavailable);
        return true;
    }

    public async Task DisposeAsync()
    {
        if (Unavailable is null && !Skip)
        {
            await RemoveLeftoversAsync();
            try
            {
                await Client.Images.DeleteImageAsync(BaseImage, new ImageDeleteParameters { Force = true }, CancellationToken.None);
            }
            catch (DockerApiException)
            {
                // Already gone.
            }
        }

        Client.Dispose();
    }

    /// <summary>
    /// Removes every container, network (compose projects) and image this run's tests created: those carrying the lineage of a state file under
    /// <see cref="RunRoot"/> (other runs on the same engine keep theirs). The base image is removed at the end.
    /// </summary>
    public async Task RemoveLeftoversAsync()
    {
        foreach (var lineage in RunLineages())
        {
            await RemoveLineageAsync(lineage);
        }
    }

    private static IEnumerable<string> RunLineages()
    {
        if (!Directory.Exists(RunRoot))
        {
            return [];
        }

        var lineages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RunRoot, "*.state.json*", SearchOption.AllDirectories))
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
                if (document.RootElement.TryGetProperty("lineage", out var lineage) && lineage.GetString() is { Length: > 0 } value)
                {
                    lineages.Add(value);
                }
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidOperationException)
            {
                // A half-written or foreign file: not a state of ours.
            }
        }

        return lineages;
    }

    private async Task RemoveLineageAsync(string lineage)
    {
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["agentspec.io/lineage=" + lineage] = true } };
        foreach (var container in await Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }))
        {
            await Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        foreach (var network in await Client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }))
        {
            try
            {
                await Client.Networks.DeleteNetworkAsync(network.ID);
            }
            catch (DockerApiException)
            {
                // Still in use or already gone.
            }
        }

        foreach (var image in await Client.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = filter }))
        {
            try
            {
                await Client.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true }, CancellationToken.None);
            }
            catch (DockerApiException)
            {
                // Removed with a parent already.
            }
        }
    }

    public static string TempFolder()
    {
        var path = Path.Combine(RunRoot, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string PublishRuntime()
    {
        if (Environment.GetEnvironmentVariable("AGENTSPEC_RUNTIME_PATH") is { Length: > 0 } configured && File.Exists(Path.Combine(configured, "linux-x64", "agentspec")))
        {
            return configured;
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "runtime");
        var executable = Path.Combine(folder, "linux-x64", "agentspec");
        if (File.Exists(executable))
        {
            return folder;
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(RepositoryRoot, "src", "AgentSpec.Runtime", "AgentSpec.Runtime.csproj"), "-c", "Release", "-r", "linux-x64",
            "--self-contained", "true", "-p:PublishSingleFile=true", "-p:DebugType=none", "--nologo", "-v", "minimal", "-o", Path.GetDirectoryName(executable)!,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && File.Exists(executable), $"publishing the runtime failed:\n{output.Result}\n{error.Result}");
        return folder;
    }

    private async Task ImportBaseImageAsync()
    {
        try
        {
            await Client.Images.InspectImageAsync(BaseImage);
            return;
        }
        catch (DockerImageNotFoundException)
        {
            // Imported below.
        }

        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var library in LinkedLibraries(Path.Combine(RuntimeFolder, "linux-x64", "agentspec")))
        {
            files.Add(library);
        }

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
            // Parent folders explicitly (0755): implicit ones would not be traversable by the runtime's user 65532.
            var folders = files.Append("/etc/ssl/certs/x").SelectMany(Parents).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var folder in folders)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, folder.TrimStart('/') + "/") { Mode = (UnixFileMode)0b111_101_101 });
            }

            foreach (var file in files)
            {
                // Symbolic links are stored as regular files under the name the loader looks for.
                AddFile(writer, file, file);
            }

            if (File.Exists("/etc/ssl/certs/ca-certificates.crt"))
            {
                AddFile(writer, "/etc/ssl/certs/ca-certificates.crt", "/etc/ssl/certs/ca-certificates.crt");
            }

            AddText(writer, "etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n");
            AddText(writer, "etc/group", "root:x:0:\nnonroot:x:65532:\n");
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "tmp/") { Mode = (UnixFileMode)0b1_111_111_111 });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "app/") { Mode = (UnixFileMode)0b111_101_101 });
        }

        tar.Position = 0;
        var errors = new List<string>();
        await Client.Images.CreateImageAsync(
            new ImagesCreateParameters { FromSrc = "-", Repo = "agentspec-test/base", Tag = "bookworm-" + RunId, Changes = new List<string> { $"LABEL {TestLabel}=1" } },
            tar, null, new Collect(errors), CancellationToken.None);
        Assert.True(errors.Count == 0, "importing the base image failed: " + string.Join("\n", errors));
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
        var start = new ProcessStartInfo("ldd") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(executable);
        using var process = Process.Start(start)!;
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

    private static void AddFile(TarWriter writer, string source, string target)
    {
        using var data = File.OpenRead(source);
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, target.TrimStart('/')) { DataStream = data, Mode = (UnixFileMode)0b111_101_101 });
    }

    private static void AddText(TarWriter writer, string name, string text)
    {
        using var data = new MemoryStream(Encoding.UTF8.GetBytes(text));
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = data, Mode = (UnixFileMode)0b110_100_100 });
    }

    private static string FindRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "AgentSpec.sln")))
        {
            folder = Path.GetDirectoryName(folder) ?? throw new InvalidOperationException("repository root not found");
        }

        return folder;
    }

    private sealed class Collect(List<string> errors) : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value)
        {
            if ((value.Error?.Message ?? value.ErrorMessage) is { Length: > 0 } error)
            {
                errors.Add(error);
            }
        }
    }
}
