using System.Text.Json.Nodes;
using k8s;
using k8s.KubeConfigModels;

namespace AgentSpec.Engine.Providers.Kubernetes;

/// <summary>
/// Loads the client configuration (deployment spec §7.4): the <c>KUBECONFIG</c> path list (the first file that
/// defines the chosen context wins), else the user default file, else the in-cluster service account. Offline.
/// </summary>
public sealed class KubernetesConnection
{
    private KubernetesConnection(KubernetesClientConfiguration configuration, string context, string source)
    {
        Configuration = configuration;
        Context = context;
        Source = source;
    }

    public KubernetesClientConfiguration Configuration { get; }

    /// <summary>The context name (<c>in-cluster</c> for the service-account configuration).</summary>
    public string Context { get; }

    /// <summary>Where the configuration came from (a file path or <c>in-cluster</c>).</summary>
    public string Source { get; }

    public string Server => Configuration.Host;

    /// <summary>The endpoint identity recorded in state: <c>{server, context}</c>.</summary>
    public JsonObject Endpoint() => new() { ["context"] = Context, ["server"] = Server };

    public static KubernetesConnection Load(KubernetesConnectionSettings settings)
    {
        var files = (settings.KubeConfig ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(File.Exists)
            .ToList();
        if (files.Count == 0 && settings.KubeConfig is null && File.Exists(KubernetesClientConfiguration.KubeConfigDefaultLocation))
        {
            files.Add(KubernetesClientConfiguration.KubeConfigDefaultLocation);
        }

        if (files.Count == 0)
        {
            if (KubernetesClientConfiguration.IsInCluster())
            {
                return new KubernetesConnection(KubernetesClientConfiguration.InClusterConfig(), "in-cluster", "in-cluster");
            }

            throw Unreachable(
                settings.KubeConfig is null
                    ? $"No kubeconfig found (KUBECONFIG is not set, {KubernetesClientConfiguration.KubeConfigDefaultLocation} does not exist) and this is not a pod with a service account."
                    : $"None of the kubeconfig files \"{settings.KubeConfig}\" exists.",
                null);
        }

        K8SConfiguration? chosen = null;
        string? chosenFile = null;
        var available = new List<string>();
        foreach (var file in files)
        {
            K8SConfiguration config;
            try
            {
                config = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(file));
            }
            catch (Exception exception) when (exception is k8s.Exceptions.KubeConfigException or IOException or YamlDotNet.Core.YamlException)
            {
                throw Unreachable($"The kubeconfig \"{file}\" cannot be read: {exception.Message}", exception);
            }

            available.AddRange((config.Contexts ?? []).Select(c => c.Name).Where(n => !string.IsNullOrEmpty(n) && !available.Contains(n)));
            var wanted = settings.Context ?? config.CurrentContext;
            if (wanted is not null && config.Contexts?.Any(c => c.Name == wanted) == true)
            {
                chosen = config;
                chosenFile = file;
                break;
            }
        }

        if (chosen is null || chosenFile is null)
        {
            throw Unreachable(settings.Context is null
                ? $"No current-context is set in \"{string.Join(Path.PathSeparator, files)}\"; pass -Context."
                : $"Context \"{settings.Context}\" is not defined in \"{string.Join(Path.PathSeparator, files)}\"; available contexts: {(available.Count == 0 ? "none" : string.Join(", ", available.Select(n => $"\"{n}\"")))}.", null);
        }

        var context = settings.Context ?? chosen.CurrentContext ?? string.Empty;
        try
        {
            var configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(chosen, context);
            return new KubernetesConnection(configuration, context, chosenFile);
        }
        catch (k8s.Exceptions.KubeConfigException exception)
        {
            throw Unreachable($"Context \"{context}\" in \"{chosenFile}\" is not usable: {exception.Message}", exception);
        }
    }

    public static AgentSpecException Unreachable(string message, Exception? inner) =>
        new(ErrorIds.TargetUnreachable, AgentSpecErrorCategory.ConnectionError, message, null, innerException: inner)
        {
            RecommendedAction = "Point KUBECONFIG (or -KubeConfig) at a kubeconfig for the cluster and choose its context with -Context.",
        };
}
