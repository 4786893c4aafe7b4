using System.Text.Json.Nodes;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.Secrets;

namespace AgentSpec.Engine;

/// <summary>Stages 9–11 of deployment spec §2.1 for a resolved deployment: secrets, fingerprints and desired resources.</summary>
internal sealed class DesiredState
{
    public required IReadOnlyList<DesiredResource> Resources { get; init; }

    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public required JsonObject Snapshot { get; init; }

    /// <summary>Secret name → value, for the secrets that resolved (apply only).</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    public static DesiredState Build(ResolvedDeployment resolved, PlanSettings settings, byte[] salt, bool requireSecrets, Redactor? redactor)
    {
        var diagnostics = new List<Diagnostic>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var prints = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var reference in resolved.Units.SelectMany(u => u.Configuration.Secrets).DistinctBy(s => s.Name))
        {
            if (settings.NoSecrets && !requireSecrets)
            {
                prints[reference.Name] = null;
                continue;
            }

            var resolution = settings.Secrets.Resolve(reference);
            if (!resolution.Resolved || resolution.Value is null)
            {
                if (requireSecrets)
                {
                    throw SecretResolver.Unresolvable(resolution);
                }

                prints[reference.Name] = null;
                diagnostics.Add(EngineDiagnostics.Warning("AS5101",
                    $"Secret \"{reference.Name}\" ({reference.Text}) is not resolvable now; rotation cannot be detected by this plan."));
                continue;
            }

            if (resolution.Value.Length < Redactor.MinimumLength)
            {
                diagnostics.Add(EngineDiagnostics.Warning("AS5103",
                    $"Secret \"{reference.Name}\" ({reference.Text}) resolved to an empty or too-short value; it cannot be redacted safely."));
            }

            redactor?.Register(resolution.Value);
            values[reference.Name] = resolution.Value;
            prints[reference.Name] = SecretFingerprint.Compute(salt, reference.Name, resolution.Value);
        }

        var runtime = RuntimeLocator.TryDescribe();
        var resources = new List<DesiredResource>();
        var stack = resolved.Units.Where(u => u.Kind == Providers.Compose.ComposeResources.Kind).ToList();
        resources.AddRange(Providers.Compose.ComposeResources.Build(stack, resolved.Environment, r => prints.GetValueOrDefault(r.Name),
            RuntimeLocator.TryDescribe(Providers.Docker.DockerResources.ImageRid), settings.BaseImage, settings.DockerNetwork));
        foreach (var unit in resolved.Units.Where(u => u.Kind != Providers.Compose.ComposeResources.Kind))
        {
            resources.AddRange(unit.Kind switch
            {
                ProcessResources.Kind => ProcessResources.Build(unit, resolved.Environment, r => prints.GetValueOrDefault(r.Name), runtime, settings.BindHost),
                Providers.Kubernetes.KubernetesResources.Kind => Providers.Kubernetes.KubernetesResources.Build(unit, resolved.Environment, r => prints.GetValueOrDefault(r.Name)),
                Providers.Docker.DockerResources.Kind => Providers.Docker.DockerResources.Build(unit, resolved.Environment, r => prints.GetValueOrDefault(r.Name),
                    RuntimeLocator.TryDescribe(Providers.Docker.DockerResources.ImageRid), settings.BaseImage, settings.DockerNetwork),
                _ => throw Unsupported(unit.Kind),
            });
        }

        return new DesiredState
        {
            Resources = resources.OrderBy(r => r.Address, StringComparer.Ordinal).ToList(),
            Diagnostics = diagnostics,
            Snapshot = SnapshotOf(resolved),
            Values = values,
        };
    }

    /// <summary>The secret-free history snapshot (deployment spec §9.1): package, environment and the resolved units.</summary>
    public static JsonObject SnapshotOf(ResolvedDeployment resolved)
    {
        var json = JsonNode.Parse(resolved.ToJson()) as JsonObject ?? new JsonObject();
        // Detached rather than cloned: the parsed tree is private here, and SortedObject copies it once more anyway.
        var units = json["units"];
        json.Remove("units");
        return Json.JsonFiles.SortedObject(new JsonObject
        {
            ["formatVersion"] = 1,
            ["package"] = new JsonObject { ["name"] = resolved.Package?.Name, ["version"] = resolved.Package?.Version },
            ["environment"] = resolved.Environment,
            ["units"] = units ?? new JsonArray(),
        });
    }

    public static AgentSpecException Unsupported(string kind) => new(ErrorIds.SpecInvalid, AgentSpecErrorCategory.InvalidData,
        $"Target kind \"{kind}\" cannot be planned or applied by this AgentSpec preview yet; only \"process\", \"docker\", \"docker-compose\" and \"kubernetes\" targets can.", kind)
    {
        RecommendedAction = "Choose a process, docker, docker-compose or kubernetes deploy with -Target, or use Export-AgentSpec/Resolve-AgentSpec for other kinds.",
    };
}
