using System.Text.Json.Nodes;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.Providers.Kubernetes;
using AgentSpec.Engine.State;
using global::Docker.DotNet;
using global::Docker.DotNet.Models;

namespace AgentSpec.Engine.Providers.Docker;

/// <summary>Builds and removes agent images through the Docker API (deployment spec §7.2), streaming the build log as progress.</summary>
internal sealed class DockerImages
{
    private const int TailLines = 20;
    private readonly DockerClient _client;

    public DockerImages(DockerClient client) => _client = client;

    public async Task<ProviderOutcome> BuildAsync(ResourceChange change, ApplyContext context, CancellationToken cancellation)
    {
        var attributes = change.After ?? throw new InvalidOperationException($"{change.Address}: no planned attributes");
        var tag = Text(attributes, "tag");
        var labels = Labels(change.Address, change.Name, change.Target, attributes, change.AfterHash ?? string.Empty, context.Lineage);
        var existing = await InspectAsync(tag, cancellation).ConfigureAwait(false);
        if (existing is not null && existing.Config?.Labels is { } live && DockerLabels.Owns(live, change.Address, context.Lineage)
            && live.TryGetValue(KubernetesLabels.SpecHash, out var hash) && hash == change.AfterHash)
        {
            return ProviderOutcome.Ok(Observed(existing, tag), "up to date");
        }

        var runtime = RuntimeLocator.TryDescribe(DockerResources.ImageRid) ?? throw RuntimeNotFound();
        var planned = attributes["runtime"]?["sha256"]?.GetValue<string>();
        if (planned is not null && planned != runtime.Sha256)
        {
            return ProviderOutcome.Fail($"the {DockerResources.ImageRid} runtime at {runtime.Path} changed since the plan (planned {planned}, found {runtime.Sha256}); plan again.");
        }

        var baseImage = Text(attributes, "baseImage");
        if (await InspectAsync(baseImage, cancellation).ConfigureAwait(false) is null)
        {
            context.Events.Progress(0, 1, change.Address, $"pulling {baseImage}");
            var pull = new BuildLog(context, change.Address);
            await _client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = baseImage }, null, pull, cancellation).ConfigureAwait(false);
            if (pull.Error is not null)
            {
                return ProviderOutcome.Fail(context.Redactor.Redact($"pulling the base image {baseImage} failed: {pull.Error}"));
            }
        }

        using var tar = DockerBuildContext.Create(Text(attributes, "dockerfile"), runtime.Path, Json.JsonFiles.Write(attributes["config"]));
        var log = new BuildLog(context, change.Address);
        var parameters = new ImageBuildParameters
        {
            Tags = new List<string> { tag },
            Labels = labels,
            Remove = true,
            ForceRemove = true,
        };
        await _client.Images.BuildImageFromDockerfileAsync(parameters, tar, Array.Empty<AuthConfig>(), new Dictionary<string, string>(), log, cancellation).ConfigureAwait(false);
        var built = log.Error is null ? await InspectAsync(tag, cancellation).ConfigureAwait(false) : null;
        if (built is null)
        {
            return ProviderOutcome.Fail(context.Redactor.Redact($"building {tag} failed: {log.Error ?? "the image is missing after the build"}\n{string.Join("\n", log.Tail)}"));
        }

        return ProviderOutcome.Ok(Observed(built, tag), $"built {tag} ({built.ID[..Math.Min(19, built.ID.Length)]})");
    }

    public async Task<ProviderOutcome> RemoveAsync(ResourceRecord record, ApplyContext context, CancellationToken cancellation)
    {
        var tag = record.Attributes["tag"]?.GetValue<string>() ?? record.Name;
        var live = await InspectAsync(tag, cancellation).ConfigureAwait(false);
        if (live is null)
        {
            return ProviderOutcome.Ok(new JsonObject(), "already absent");
        }

        if (!DockerLabels.Owns(live.Config?.Labels, record.Address, context.Lineage))
        {
            return ProviderOutcome.Fail($"not deleted: image {tag} exists but is not owned by {record.Address}", ErrorIds.ResourceConflict);
        }

        try
        {
            await _client.Images.DeleteImageAsync(tag, new ImageDeleteParameters(), cancellation).ConfigureAwait(false);
            return ProviderOutcome.Ok(new JsonObject(), $"removed {tag}");
        }
        catch (DockerApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Still used by the running container: the build moves the tag; the old image goes after the container is replaced.
            return ProviderOutcome.Ok(new JsonObject(), $"{tag} is still used by a container; it is removed once the container is replaced");
        }
    }

    /// <summary>Removes an image by ID when nothing uses it any more (after a container replacement).</summary>
    public async Task RemoveUnusedAsync(string imageId, ApplyContext context, CancellationToken cancellation)
    {
        try
        {
            await _client.Images.DeleteImageAsync(imageId, new ImageDeleteParameters(), cancellation).ConfigureAwait(false);
            context.Events.Verbose($"removed the previous image {imageId}");
        }
        catch (DockerApiException exception) when (exception.StatusCode is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.NotFound)
        {
            // Tagged or in use elsewhere, or already gone: kept.
        }
    }

    public async Task<ImageInspectResponse?> InspectAsync(string name, CancellationToken cancellation)
    {
        try
        {
            return await _client.Images.InspectImageAsync(name, cancellation).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
        catch (DockerApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Labels(string address, string name, string deploy, JsonObject attributes, string hash, string lineage)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [KubernetesLabels.ManagedBy] = KubernetesLabels.Manager,
            [KubernetesLabels.Instance] = name,
            [KubernetesLabels.Deploy] = KubernetesLabels.Value(deploy),
            [KubernetesLabels.Address] = address,
            [KubernetesLabels.SpecHash] = hash,
        };
        if (attributes["config"]?["package"]?["name"]?.GetValue<string>() is { } package)
        {
            labels[KubernetesLabels.Package] = KubernetesLabels.Value(package);
        }

        return DockerLabels.WithLineage(labels, lineage);
    }

    private static JsonObject Observed(ImageInspectResponse image, string tag) => new() { ["imageId"] = image.ID, ["tag"] = tag };

    private static string Text(JsonObject attributes, string key) =>
        attributes[key]?.GetValue<string>() ?? throw new InvalidOperationException($"image attributes without {key}");

    private static AgentSpecException RuntimeNotFound() => new(ErrorIds.RuntimeNotFound, AgentSpecErrorCategory.NotInstalled,
        $"The {DockerResources.ImageRid} agentspec runtime for the image was not found (looked for {string.Join(", ", RuntimeLocator.Candidates(DockerResources.ImageRid))}).")
    {
        RecommendedAction = $"Reinstall the AgentSpec module, or set AGENTSPEC_RUNTIME_PATH to a folder holding {DockerResources.ImageRid}/agentspec.",
    };

    /// <summary>Receives build/pull messages synchronously: streams them as progress and keeps the last lines for errors.</summary>
    private sealed class BuildLog : IProgress<JSONMessage>
    {
        private readonly ApplyContext _context;
        private readonly string _address;
        private readonly Queue<string> _tail = new();

        public BuildLog(ApplyContext context, string address)
        {
            _context = context;
            _address = address;
        }

        public string? Error { get; private set; }

        public IEnumerable<string> Tail => _tail;

        public void Report(JSONMessage value)
        {
            var error = value.Error?.Message ?? value.ErrorMessage;
            if (!string.IsNullOrEmpty(error))
            {
                Error = error.Trim();
            }

            var text = (value.Stream ?? value.Status ?? string.Empty).TrimEnd();
            if (text.Length == 0)
            {
                return;
            }

            var line = _context.Redactor.Redact(text);
            _tail.Enqueue(line);
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }

            _context.Events.Progress(0, 1, _address, line);
            _context.Events.Verbose($"{_address}: {line}");
        }
    }
}
