using System.Text;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.Providers.Docker;

namespace AgentSpec.Engine.Providers.Compose;

/// <summary>
/// The files <c>Export-AgentSpec</c> writes for a compose stack (deployment spec §10.3.11): <c>compose.yaml</c> from the very
/// generator apply uses, each service's build context text (<c>&lt;service&gt;/Dockerfile</c>, <c>&lt;service&gt;/config.json</c>)
/// and <c>.env.example</c> naming the secret variables (no values).
/// </summary>
public static class ComposeExport
{
    public const string EnvExampleName = ".env.example";

    public static IReadOnlyDictionary<string, string> Render(IReadOnlyList<DesiredResource> resources, string package, string? packageVersion, string? environment, string? lineage)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var services = resources.Where(r => r.Kind == ComposeResources.Kind && r.Type == ComposeResources.ServiceType).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        files[ComposeFile.FileName] = ComposeFile.Render(package, packageVersion, environment, lineage,
            services.Select(s => KeyValuePair.Create(s.Name, s.Attributes["service"] as JsonObject ?? new JsonObject())));
        var env = new StringBuilder("# Secret variables compose.yaml interpolates; AgentSpec sets them only in the environment of the compose process.\n");
        foreach (var service in services)
        {
            var image = resources.FirstOrDefault(r => r.Kind == ComposeResources.Kind && r.Type == ComposeResources.ImageType && r.Target == service.Target);
            if (image is not null)
            {
                files[service.Name + "/" + DockerExport.DockerfileName] = image.Attributes["dockerfile"]?.GetValue<string>() ?? string.Empty;
                files[service.Name + "/" + DockerExport.ConfigName] = Json.JsonFiles.Write(image.Attributes["config"]);
            }

            foreach (var binding in service.SecretBindings)
            {
                env.Append(ComposeNames.SecretVariable(service.Name, binding.Env)).Append("=  # secret \"").Append(binding.Secret).Append("\" (")
                    .Append(binding.Source).Append(": ").Append(binding.Key).Append(")\n");
            }
        }

        files[EnvExampleName] = env.ToString();
        return files;
    }
}
