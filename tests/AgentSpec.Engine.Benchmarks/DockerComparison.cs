using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace AgentSpec.Engine.Benchmarks;

/// <summary>
/// Issue #6: for N = 1, 5, 10 docker deploys, the wall time of applying them through the engine (the real docker
/// provider) until every container is healthy, side by side with <c>docker-compose up -d</c> of an equivalent compose
/// file (the same images, commands, environment, ports, limits and health checks, taken from the container attributes
/// the engine applied) until every container is healthy, and the same N deploys as one docker-compose target stack
/// applied by the engine. Everything created is scoped to this run and removed.
/// </summary>
internal sealed class DockerComparison(string repositoryRoot, IReadOnlyList<int> counts)
{
    private const string Socket = "/var/run/docker.sock";
    private static readonly TimeSpan HealthPoll = TimeSpan.FromMilliseconds(100);
    private readonly string _runId = Guid.NewGuid().ToString("N")[..10];
    private readonly List<string> _composeFiles = new();
    private readonly List<string> _composeTags = new();
    private readonly DockerClient _client = new DockerClientConfiguration(new Uri("unix://" + Socket)).CreateClient();

    private string RunRoot => Path.Combine(Path.GetTempPath(), "agentspec-engine-bench", "docker-" + _runId);

    public async Task<int> RunAsync()
    {
        if (!File.Exists(Socket))
        {
            Console.Error.WriteLine($"The Docker engine socket {Socket} does not exist; start dockerd first.");
            return 1;
        }

        var runtime = LinuxRuntime.Folder(repositoryRoot);
        Environment.SetEnvironmentVariable("AGENTSPEC_RUNTIME_PATH", runtime);
        var baseImage = new BaseImage(_client, _runId);
        Environment.SetEnvironmentVariable("AGENTSPEC_BASE_IMAGE", baseImage.Reference);
        Directory.CreateDirectory(RunRoot);
        try
        {
            await baseImage.ImportAsync(Path.Combine(runtime, "linux-x64", "agentspec"));
            Console.WriteLine($"run {_runId}: base image {baseImage.Reference} (docker import of host libraries), runtime {Path.Combine(runtime, "linux-x64", "agentspec")}");
            Console.WriteLine("health check of every deploy: GET /healthz via `agentspec healthcheck`, interval 2s, timeout 1500ms, retries 3, start period 10s;");
            Console.WriteLine($"engine: ApplyOptions defaults (parallelism 4); docker-compose waiter polls `inspect` every {HealthPoll.TotalMilliseconds:0} ms");
            await WarmUpAsync();
            Console.WriteLine();
            var rows = new List<string>();
            foreach (var count in counts)
            {
                rows.Add(await MeasureAsync(count));
            }

            Console.WriteLine();
            Console.WriteLine("| N | engine, one apply per deploy (s) | image / create+start / health steps (s) | engine, deploys applied concurrently (s) | docker-compose target (s) | docker-compose up -d, pre-built images (s) | docker-compose up -d --build (s) | sequential / up -d | sequential without image steps / up -d | concurrent / up -d | compose target / up -d | sequential / up --build | concurrent / up --build | compose target / up --build |");
            Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            rows.ForEach(Console.WriteLine);
            return 0;
        }
        finally
        {
            await CleanUpAsync();
            await baseImage.RemoveAsync();
            _client.Dispose();
        }
    }

    private async Task<string> MeasureAsync(int count)
    {
        var port = 22000 + Random.Shared.Next(0, 300) * 100;
        var package = "bench-" + _runId + "-n" + count.ToString(CultureInfo.InvariantCulture);

        // (a) One state file, one apply per deploy (what `Invoke-AgentSpecApply -Target dX` does N times).
        var sequentialFolder = Folder($"n{count}-sequential");
        var specPath = WriteSpec(sequentialFolder, package, count, port);
        var targets = Enumerable.Range(0, count).Select(Deploy).ToList();
        var steps = new StepClock();
        var results = new List<ApplyResult>();
        var clock = Stopwatch.StartNew();
        foreach (var target in targets)
        {
            results.AddRange((await ApplyAsync(specPath, target, StatePath(sequentialFolder), steps)).Results);
        }

        var sequential = clock.Elapsed;
        var (image, container, health) = steps.Split(results);
        var split = string.Create(CultureInfo.InvariantCulture, $"{image:F2} / {container:F2} / {health:F2}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N={count}: engine, {count} applies one after the other: {sequential.TotalSeconds:F2} s (image / create+start / health steps: {split} s)"));

        // The `up -d` run reuses the very images the engine built (tagged for this run), so it builds nothing; the
        // `up -d --build` run builds the same services from contexts holding the engine's Dockerfile, config.json and runtime.
        var services = await ComposeServicesAsync(StatePath(sequentialFolder), targets);
        var built = ComposeBuildServices(StatePath(sequentialFolder), targets, services, Folder($"n{count}-compose-build"));
        await DestroyAsync(StatePath(sequentialFolder), targets);

        // (b) One state file per deploy, all applies at once (separate state files do not share a lock).
        var concurrentFolder = Folder($"n{count}-concurrent");
        var concurrentSpec = WriteSpec(concurrentFolder, package, count, port);
        clock.Restart();
        await Task.WhenAll(targets.Select(t => Task.Run(() => ApplyAsync(concurrentSpec, t, Path.Combine(concurrentFolder, t + ".state.json"), new StepClock()))));
        var concurrent = clock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N={count}: engine, {count} applies at once (one state file each): {concurrent.TotalSeconds:F2} s"));
        foreach (var target in targets)
        {
            await DestroyAsync(Path.Combine(concurrentFolder, target + ".state.json"), [target]);
        }

        var composeTarget = await ApplyComposeTargetAsync(count, port);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N={count}: engine, docker-compose target, one apply of the stack: {composeTarget.TotalSeconds:F2} s"));
        var compose = await ComposeUpAsync(count, services);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N={count}: docker-compose up -d until all healthy: {compose.TotalSeconds:F2} s"));
        var composeBuild = await ComposeUpAsync(count, built, "build", "--build");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N={count}: docker-compose up -d --build until all healthy: {composeBuild.TotalSeconds:F2} s"));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {count} | {sequential.TotalSeconds:F2} | {split} | {concurrent.TotalSeconds:F2} | {composeTarget.TotalSeconds:F2} | {compose.TotalSeconds:F2} | {composeBuild.TotalSeconds:F2} | {sequential / compose:F2} | {(sequential.TotalSeconds - image) / compose.TotalSeconds:F2} | {concurrent / compose:F2} | {composeTarget / compose:F2} | {sequential / composeBuild:F2} | {concurrent / composeBuild:F2} | {composeTarget / composeBuild:F2} |");
    }

    /// <summary>One unreported apply and destroy first: JIT, the Docker build cache of the runtime layer, the runtime's identity.</summary>
    private async Task WarmUpAsync()
    {
        var folder = Folder("warm-up");
        var spec = WriteSpec(folder, "bench-" + _runId + "-warm", 1, 22000 + Random.Shared.Next(0, 300) * 100);
        await ApplyAsync(spec, Deploy(0), StatePath(folder), NullEngineEvents.Instance);
        await DestroyAsync(StatePath(folder), [Deploy(0)]);
    }

    /// <summary>
    /// The docker-compose target (deployment spec §7.3): the same N deploys with <c>target "docker-compose"</c> form one
    /// stack, which one apply (through any of its deploys) applies as a whole: images in parallel, then the services,
    /// each awaited healthy. Timed like the docker runs (its Image steps included), then destroyed.
    /// </summary>
    private async Task<TimeSpan> ApplyComposeTargetAsync(int count, int port)
    {
        var folder = Folder($"n{count}-compose-target");
        var spec = WriteSpec(folder, "bench-" + _runId + "-n" + count.ToString(CultureInfo.InvariantCulture) + "-stack", count, port, "docker-compose");
        var steps = new StepClock();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var report = await ApplyAsync(spec, Deploy(0), StatePath(folder), steps);
        var elapsed = clock.Elapsed;
        Console.WriteLine($"N={count}: docker-compose target timeline: " + steps.Timeline(report.Results, started));
        await DestroyAsync(StatePath(folder), [Deploy(0)]);
        return elapsed;
    }

    private static string Deploy(int index) => "d" + index.ToString(CultureInfo.InvariantCulture);

    private static string StatePath(string folder) => Path.Combine(folder, StateStore.DefaultFileName);

    private string Folder(string name)
    {
        var folder = Path.Combine(RunRoot, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string WriteSpec(string folder, string package, int count, int port, string kind = "docker")
    {
        var text = new System.Text.StringBuilder($$"""
            package "{{package}}" version "1.0.0" lang "2.0"

            prompt "system" {
              content "Be brief."
            }

            agent "assistant" {
              uses prompt "system"
              model "mock/echo"
            }

            """);
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""

                deploy "{{Deploy(i)}}" target "{{kind}}" {
                  port {{port + i}}
                  resources {
                    cpu "500m"
                    memory "128Mi"
                  }
                  health {
                    path "/healthz"
                    interval "2s"
                    timeout "1500ms"
                  }
                  env {
                    LOG_LEVEL "info"
                  }
                }

                """);
        }

        var path = Path.Combine(folder, "agents.ias");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static PlanSettings Settings(string statePath) => new() { StatePath = statePath, Secrets = SecretResolver.Default([]) };

    /// <summary>Invoke-AgentSpecApply -Target <paramref name="target"/> -AutoApprove: resolve, lock, plan, execute, unlock.</summary>
    private static async Task<ApplyReport> ApplyAsync(string specPath, string target, string statePath, IEngineEvents events)
    {
        var resolved = SpecResolver.Resolve(specPath, null, target);
        using var session = DeploymentEngine.BeginApply(resolved, null, Settings(statePath), TimeSpan.FromSeconds(60), _ => { }, CancellationToken.None);
        var report = await session.ExecuteAsync(new ApplyOptions(), events, CancellationToken.None);
        if (report.Outcome != "succeeded")
        {
            throw new InvalidOperationException($"applying {target} ended {report.Outcome}: " + string.Join("; ", report.Results.Select(r => $"{r.Address} {r.Status} {r.Error}")));
        }

        return report;
    }

    private static async Task DestroyAsync(string statePath, IReadOnlyList<string> targets)
    {
        foreach (var target in targets)
        {
            using var session = DeploymentEngine.BeginDestroy(statePath, target, null, TimeSpan.FromSeconds(60), _ => { }, CancellationToken.None);
            var report = await session.ExecuteAsync(new ApplyOptions(), NullEngineEvents.Instance, CancellationToken.None);
            if (report.Outcome != "succeeded")
            {
                // Not fatal for the figures (the destroy is outside every clock); the final clean-up removes what is left by lineage.
                Console.WriteLine($"warning: destroying {target} ended {report.Outcome}: " + string.Join("; ", report.Results.Where(r => r.Error is not null).Select(r => $"{r.Address} {r.Status} {r.Error}")));
            }
        }
    }

    /// <summary>The compose services equivalent to the applied containers, each on a copy (new tag) of the engine's image.</summary>
    private async Task<JsonObject> ComposeServicesAsync(string statePath, IReadOnlyList<string> targets)
    {
        var document = StateStore.Read(statePath).Document ?? throw new InvalidOperationException("no state after apply");
        var services = new JsonObject();
        foreach (var target in targets)
        {
            var container = document.Targets[target].Resources.Single(r => r.Type == "Container").Attributes;
            var repository = "agentspec-bench-compose/" + _runId + "-" + target;
            var tag = "n" + targets.Count.ToString(CultureInfo.InvariantCulture);
            await _client.Images.TagImageAsync(container["image"]?.GetValue<string>(), new ImageTagParameters { RepositoryName = repository, Tag = tag });
            _composeTags.Add(repository + ":" + tag);
            services[target] = ComposeService.From(container, repository + ":" + tag);
        }

        return services;
    }

    /// <summary>
    /// The same services with a <c>build</c> context per service (the engine's Dockerfile, config.json and runtime, as
    /// recorded in its <c>Image</c> resource) and their own image tag, so <c>up -d --build</c> builds what the engine builds.
    /// </summary>
    private JsonObject ComposeBuildServices(string statePath, IReadOnlyList<string> targets, JsonObject services, string folder)
    {
        var document = StateStore.Read(statePath).Document ?? throw new InvalidOperationException("no state after apply");
        var runtime = Path.Combine(LinuxRuntime.Folder(repositoryRoot), "linux-x64", "agentspec");
        var built = new JsonObject();
        foreach (var target in targets)
        {
            var image = document.Targets[target].Resources.Single(r => r.Type == "Image").Attributes;
            var context = ComposeBuildContext.Write(Path.Combine(folder, "context-" + target), image, runtime);
            var repository = "agentspec-bench-compose/" + _runId + "-" + target + "-build";
            var tag = "n" + targets.Count.ToString(CultureInfo.InvariantCulture);
            _composeTags.Add(repository + ":" + tag);
            var service = (JsonObject)(services[target]?.DeepClone() ?? throw new InvalidOperationException($"no compose service for {target}"));
            service["image"] = repository + ":" + tag;
            service["build"] = new JsonObject { ["context"] = context };
            built[target] = service;
        }

        return built;
    }

    private async Task<TimeSpan> ComposeUpAsync(int count, JsonObject services, string variant = "", params string[] options)
    {
        var folder = Folder($"n{count}-compose{(variant.Length > 0 ? "-" + variant : string.Empty)}");
        var file = Path.Combine(folder, "docker-compose.yml");
        // JSON is YAML: docker-compose reads this file as is.
        File.WriteAllText(file, new JsonObject { ["version"] = "2.4", ["services"] = services }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        _composeFiles.Add(file);
        var project = Project(file);
        var clock = Stopwatch.StartNew();
        await Compose.RunAsync(file, project, ["up", "-d", .. options]);
        await WaitHealthyAsync(project, count, TimeSpan.FromMinutes(2));
        var elapsed = clock.Elapsed;
        await Compose.RunAsync(file, project, "down");
        return elapsed;
    }

    private static string Project(string composeFile) => "agentspecbench" + Path.GetFileName(Path.GetDirectoryName(composeFile))?.Replace("-", string.Empty, StringComparison.Ordinal)
        + Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(composeFile)))?.Replace("-", string.Empty, StringComparison.Ordinal);

    private async Task WaitHealthyAsync(string project, int count, TimeSpan timeout)
    {
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["com.docker.compose.project=" + project] = true } };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var containers = await _client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter });
            // The list's Status reads "Up 3 seconds (healthy)" once Docker's health status is healthy.
            if (containers.Count == count && containers.All(c => c.Status.Contains("(healthy)", StringComparison.Ordinal)))
            {
                return;
            }

            if (containers.FirstOrDefault(c => c.State is "exited" or "dead" || c.Status.Contains("(unhealthy)", StringComparison.Ordinal)) is { } failed)
            {
                throw new InvalidOperationException($"compose container {failed.Names.FirstOrDefault()} is {failed.Status}");
            }

            await Task.Delay(HealthPoll);
        }

        throw new TimeoutException($"compose project {project}: not all {count} containers healthy within {timeout.TotalSeconds:0} s");
    }

    /// <summary>Removes only what this run created: compose projects, engine objects of this run's state lineages, the compose tags.</summary>
    private async Task CleanUpAsync()
    {
        foreach (var file in _composeFiles)
        {
            await Compose.RunAsync(file, Project(file), "down", "--remove-orphans").ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (Directory.Exists(RunRoot))
        {
            foreach (var state in Directory.EnumerateFiles(RunRoot, "*.state.json", SearchOption.AllDirectories))
            {
                if (StateStore.Read(state).Document?.Lineage is { } lineage)
                {
                    await RemoveLineageAsync(lineage);
                }
            }
        }

        foreach (var tag in _composeTags)
        {
            try
            {
                await _client.Images.DeleteImageAsync(tag, new ImageDeleteParameters { Force = true });
            }
            catch (DockerApiException)
            {
                // Already gone.
            }
        }

        if (Directory.Exists(RunRoot))
        {
            Directory.Delete(RunRoot, recursive: true);
        }
    }

    private async Task RemoveLineageAsync(string lineage)
    {
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["agentspec.io/lineage=" + lineage] = true } };
        foreach (var container in await _client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }))
        {
            await _client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        foreach (var network in await _client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }))
        {
            await _client.Networks.DeleteNetworkAsync(network.ID);
        }

        foreach (var image in await _client.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = filter }))
        {
            try
            {
                await _client.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true });
            }
            catch (DockerApiException)
            {
                // Removed with a parent already.
            }
        }
    }
}
