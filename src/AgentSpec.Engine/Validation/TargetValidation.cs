using System.Globalization;
using System.Text.RegularExpressions;
using AgentSpec.Engine.Desired;
using AgentSpec.Resolution;

namespace AgentSpec.Engine.Validation;

/// <summary>
/// Stage 9 of deployment spec §2.1 (<c>ValidateUnits</c>): the AS51xx checks of the resolved units that need no
/// secrets, network or target — reserved variables (§7.0), authentication (D-5), names (§3.1), compose ports (§7.3),
/// container minimums (§7.0 quantities) and autoscaling (§7.4). Each diagnostic points at its deploy block when known.
/// </summary>
internal static partial class TargetValidation
{
    private const string Docker = Providers.Docker.DockerResources.Kind;
    private const string Compose = Providers.Compose.ComposeResources.Kind;
    private const string Kubernetes = Providers.Kubernetes.KubernetesResources.Kind;
    private const long MinimumMillicores = 10;
    private const long MinimumMemoryBytes = 6L * 1024 * 1024;

    private static readonly string[] ReservedVariables = ["AGENTSPEC_PACKAGE", "AGENTSPEC_DEPLOY", "AGENTSPEC_ENVIRONMENT"];

    /// <summary>Every target-validation diagnostic of <paramref name="resolved"/>, errors first within a unit.</summary>
    public static IReadOnlyList<Diagnostic> Check(ResolvedDeployment resolved)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var unit in resolved.Units)
        {
            var at = new Locator(resolved, unit.Deploy);
            diagnostics.AddRange(ReservedNames(unit, at));
            diagnostics.AddRange(Collisions(resolved, unit, at));
            diagnostics.AddRange(ContainerMinimums(unit, at));
            diagnostics.AddRange(Authentication(unit, at));
            diagnostics.AddRange(Autoscaling(unit, at));
            diagnostics.AddRange(Sanitised(resolved, unit, at));
        }

        diagnostics.AddRange(ComposePorts(resolved));
        return diagnostics;
    }

    /// <summary>
    /// The diagnostics of <see cref="Check"/>; their errors stop with <c>SpecInvalid</c> (deployment spec §2.1 stage 9),
    /// before any state is read or locked.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Require(ResolvedDeployment resolved)
    {
        var checks = Check(resolved);
        var errors = checks.Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new SpecInvalidException(resolved.SourceFile ?? resolved.Target ?? "specification", errors);
        }

        return checks;
    }

    /// <summary>AS5114: <c>env</c>/<c>secrets</c> must not set what the engine sets itself.</summary>
    private static IEnumerable<Diagnostic> ReservedNames(DeploymentUnit unit, Locator at)
    {
        foreach (var (block, names) in new[] { ("env", unit.Settings.Env.Keys), ("secrets", unit.Settings.Secrets.Keys) })
        {
            foreach (var name in names.Where(IsReserved).Order(StringComparer.Ordinal))
            {
                yield return at.Create("AS5114", DiagnosticSeverity.Error,
                    $"deploy \"{unit.Deploy}\" sets {name} in `{block}`; the engine sets this variable itself",
                    "Remove it: AGENTSPEC_PACKAGE, AGENTSPEC_DEPLOY, AGENTSPEC_ENVIRONMENT (use -Environment) and AGENTSPEC_SECRET_* are set by the engine.");
            }
        }
    }

    private static bool IsReserved(string name) =>
        ReservedVariables.Contains(name, StringComparer.Ordinal) || name.StartsWith("AGENTSPEC_SECRET_", StringComparison.Ordinal);

    /// <summary>AS5116: names that collide after sanitising (unit names on one engine or namespace, compose service names).</summary>
    private static IEnumerable<Diagnostic> Collisions(ResolvedDeployment resolved, DeploymentUnit unit, Locator at)
    {
        if (unit.Kind == Compose && !ComposeServiceName().IsMatch(unit.Deploy.ToLowerInvariant()))
        {
            yield return at.Create("AS5116", DiagnosticSeverity.Error,
                $"deploy \"{unit.Deploy}\" cannot be a compose service name: after lower-casing it must match [a-z0-9][a-z0-9_.-]*",
                "Rename the deploy.");
        }

        var package = resolved.Package?.Name ?? string.Empty;
        foreach (var other in resolved.PackageDeploys.Where(d => d.Name != unit.Deploy && CanCollide(unit, d)))
        {
            if (DnsLabel.Of($"{package}-{other.Name}") == unit.Name)
            {
                yield return at.Create("AS5116", DiagnosticSeverity.Error,
                    $"deploys \"{unit.Deploy}\" and \"{other.Name}\" both become \"{unit.Name}\" after sanitising; their {Objects(unit.Kind)} would collide",
                    "Rename one of the deploys.");
            }
            else if (unit.Kind == Compose && other.Kind == Compose && string.Equals(other.Name, unit.Deploy, StringComparison.OrdinalIgnoreCase))
            {
                yield return at.Create("AS5116", DiagnosticSeverity.Error,
                    $"deploys \"{unit.Deploy}\" and \"{other.Name}\" are the same compose service name after lower-casing",
                    "Rename one of the deploys.");
            }
        }
    }

    /// <summary>Docker containers and built image tags share one engine; Kubernetes objects collide only in one namespace.</summary>
    private static bool CanCollide(DeploymentUnit unit, DeployDeclaration other) => unit.Kind switch
    {
        Docker or Compose => other.Kind is Docker or Compose,
        Kubernetes => other.Kind == Kubernetes && (other.Namespace ?? "default") == (unit.Settings.Namespace ?? "default"),
        _ => false,
    };

    private static string Objects(string kind) => kind == Kubernetes ? "Kubernetes objects" : "containers and image tags";

    /// <summary>AS5124: Docker refuses CPU below 10m and memory below 6 MiB.</summary>
    private static IEnumerable<Diagnostic> ContainerMinimums(DeploymentUnit unit, Locator at)
    {
        if (unit.Kind is not (Docker or Compose) || unit.Settings.Resources is not { } resources)
        {
            yield break;
        }

        if (resources.Cpu is { } cpu && cpu.Millicores < MinimumMillicores)
        {
            yield return at.Create("AS5124", DiagnosticSeverity.Error,
                $"deploy \"{unit.Deploy}\" sets cpu \"{cpu.Text}\"; {unit.Kind} needs at least \"10m\"", "Raise cpu to 10m or more.");
        }

        if (resources.Memory is { } memory && memory.Bytes < MinimumMemoryBytes)
        {
            yield return at.Create("AS5124", DiagnosticSeverity.Error,
                $"deploy \"{unit.Deploy}\" sets memory \"{memory.Text}\"; {unit.Kind} needs at least 6 MiB (\"6Mi\")", "Raise memory to 6Mi or more.");
        }
    }

    /// <summary>AS5104 (D-5): a non-process target without credentials serves /v1 openly.</summary>
    private static IEnumerable<Diagnostic> Authentication(DeploymentUnit unit, Locator at)
    {
        const string ApiKey = "AGENTSPEC_API_KEY";
        if (unit.Kind == ProcessResources.Kind || unit.Settings.Secrets.ContainsKey(ApiKey) || unit.Settings.Env.ContainsKey(ApiKey)
            || unit.Configuration.Users.Count > 0)
        {
            yield break;
        }

        yield return at.Create("AS5104", DiagnosticSeverity.Warning,
            $"deploy \"{unit.Deploy}\" maps no AGENTSPEC_API_KEY secret; the runtime serves /v1 without authentication",
            "Map a secret to AGENTSPEC_API_KEY in the deploy's secrets (or declare a user); env { AGENTSPEC_REQUIRE_AUTH \"true\" } makes the runtime refuse to start without credentials.");
    }

    /// <summary>AS5108 and AS5109: on Kubernetes the HPA owns the replica count and needs resource requests.</summary>
    private static IEnumerable<Diagnostic> Autoscaling(DeploymentUnit unit, Locator at)
    {
        if (unit.Kind != Kubernetes || unit.Settings.Autoscale is not { } autoscale)
        {
            yield break;
        }

        if (at.Declaration?.Replicas is { } replicas && replicas != autoscale.Min)
        {
            yield return at.Create("AS5108", DiagnosticSeverity.Warning,
                string.Format(CultureInfo.InvariantCulture,
                    "deploy \"{0}\" sets replicas {1} but autoscale min {2}; the HorizontalPodAutoscaler owns the replica count and starts from {2}",
                    unit.Deploy, replicas, autoscale.Min),
                "Set replicas equal to autoscale.min, or remove replicas.");
        }

        var resources = unit.Settings.Resources;
        var requested = autoscale.Metric == "memory" ? resources?.Memory is not null : resources?.Cpu is not null;
        if (!requested)
        {
            yield return at.Create("AS5109", DiagnosticSeverity.Warning,
                resources is null
                    ? $"deploy \"{unit.Deploy}\" autoscales without a resources block; {autoscale.Metric} utilisation needs resource requests"
                    : $"deploy \"{unit.Deploy}\" autoscales on {autoscale.Metric} but its resources block sets no {autoscale.Metric}; utilisation needs a request",
                $"Add resources {{ {autoscale.Metric} \"...\" }} to the deploy.");
        }
    }

    /// <summary>AS5119: the unit name differs from the package and deploy names as written.</summary>
    private static IEnumerable<Diagnostic> Sanitised(ResolvedDeployment resolved, DeploymentUnit unit, Locator at)
    {
        var written = $"{resolved.Package?.Name}-{unit.Deploy}";
        if (unit.Name != written)
        {
            yield return at.Create("AS5119", DiagnosticSeverity.Info,
                $"deploy \"{unit.Deploy}\" is named \"{unit.Name}\" on the target (\"{written}\" is not a DNS label)");
        }
    }

    /// <summary>AS5111 and AS5120: compose services with one replica publish their port on the host; several replicas use ephemeral ports.</summary>
    private static IEnumerable<Diagnostic> ComposePorts(ResolvedDeployment resolved)
    {
        var published = new Dictionary<long, string>();
        foreach (var unit in resolved.Units.Where(u => u.Kind == Compose))
        {
            var at = new Locator(resolved, unit.Deploy);
            var port = unit.Settings.Port;
            if (unit.Settings.Replicas > 1)
            {
                yield return at.Create("AS5111", DiagnosticSeverity.Info,
                    string.Format(CultureInfo.InvariantCulture,
                        "compose service \"{0}\" has {1} replicas; port {2} is published on ephemeral host ports (docker-compose port shows them)",
                        unit.Deploy, unit.Settings.Replicas, port));
            }
            else if (published.TryGetValue(port, out var first))
            {
                yield return at.Create("AS5120", DiagnosticSeverity.Error,
                    string.Format(CultureInfo.InvariantCulture,
                        "compose services \"{0}\" and \"{1}\" both publish host port {2}", first, unit.Deploy, port),
                    "Give each docker-compose deploy its own port.");
            }
            else
            {
                published[port] = unit.Deploy;
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ComposeServiceName();
}
