using System.Diagnostics;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Providers.Kubernetes;
using AgentSpec.Kubernetes.Tests.Fake;
using k8s;
using Xunit.Abstractions;

namespace AgentSpec.Kubernetes.Tests;

/// <summary>
/// Every generated manifest of the production example (deployment spec §12.2): strict decoding into the
/// KubernetesClient models, the rules of §7.4, the kubernetes-models JSON schemas (npm) and, when kubectl exists,
/// <c>kubectl apply --dry-run=client</c> of the export against the fake.
/// </summary>
[Collection(KubernetesEnvironment.Name)]
public sealed class ManifestValidationTests(ITestOutputHelper output)
{
    private static readonly Lazy<string?> SchemaModules = new(InstallKubernetesModels);

    private static ResolvedDeployment Production() => SpecResolver.Resolve(KubernetesFixture.ProductionExample, "prod", "production");

    private static IReadOnlyDictionary<string, string> Export() =>
        KubernetesExport.Render(Production(), "5b0f9a7e-2c1d-4e8a-9f3b-6d7c8e9a0b1c", _ => "hmac-sha256:" + new string('0', 64), rbac: true);

    [Fact]
    public void ExportHoldsTheObjectsOfTheSpecInApplyOrderWithoutSecretValues()
    {
        var files = Export();
        Assert.Equal([KubernetesExport.ManifestsFile, KubernetesExport.RbacFile, KubernetesExport.SecretTemplateFile], files.Keys);
        var objects = KubernetesYaml.LoadAllFromString(files[KubernetesExport.ManifestsFile], null, true);
        Assert.Equal(["Namespace", "ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"],
            objects.Select(o => ((k8s.IKubernetesObject)o).Kind));
        Assert.Contains("<from secret \"api-key\": env(ANTHROPIC_API_KEY)>", files[KubernetesExport.SecretTemplateFile], StringComparison.Ordinal);
        Assert.DoesNotContain("\ndata:", files[KubernetesExport.SecretTemplateFile], StringComparison.Ordinal);
        Assert.Equal(files, Export());
    }

    [Fact]
    public void EveryManifestDecodesStrictlyAndFollowsTheRules()
    {
        var files = Export();
        var all = files.Values.SelectMany(text => KubernetesYaml.LoadAllFromString(text, null, true)).ToList();
        Assert.Equal(9, all.Count);
        foreach (var manifest in all)
        {
            var json = JsonNode.Parse(KubernetesJson.Serialize(manifest))!.AsObject();
            var kind = json["kind"]!.GetValue<string>();
            var name = json["metadata"]!["name"]!.GetValue<string>();
            Assert.True(kind is "Namespace" or "Service" ? FakeValidation.IsDnsLabel(name) : FakeValidation.IsDnsSubdomain(name), name);
            var labels = json["metadata"]!["labels"]!.AsObject();
            Assert.All(labels, l => Assert.True(FakeValidation.IsLabelKey(l.Key) && FakeValidation.IsLabelValue(l.Value!.GetValue<string>()), l.Key));
            Assert.Equal("agentspec", labels["app.kubernetes.io/managed-by"]!.GetValue<string>());
            Assert.Equal("production-best-practices-production", labels["app.kubernetes.io/instance"]!.GetValue<string>());
            if (kind is not ("Role" or "ClusterRole"))
            {
                Assert.Equal("sha256:", json["metadata"]!["annotations"]!["agentspec.io/spec-hash"]!.GetValue<string>()[..7]);
                Assert.StartsWith("production/kubernetes/" + kind, json["metadata"]!["annotations"]!["agentspec.io/address"]!.GetValue<string>(), StringComparison.Ordinal);
            }

            var fake = FakeKind.All.FirstOrDefault(k => k.Kind == kind);
            if (fake is not null)
            {
                FakeValidation.Validate(fake, json, json["metadata"]!["namespace"]?.GetValue<string>(), name);
            }
        }

        var deployment = all.OfType<k8s.Models.V1Deployment>().Single();
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        Assert.Null(deployment.Spec.Replicas);
        Assert.Equal(container.Resources.Requests.Keys, container.Resources.Limits.Keys);
        Assert.All(container.Resources.Requests, r => Assert.Equal(r.Value, container.Resources.Limits[r.Key]));
        Assert.NotNull(container.ReadinessProbe);
        Assert.NotNull(container.LivenessProbe);
        Assert.All(deployment.Spec.Selector.MatchLabels, p => Assert.Equal(p.Value, deployment.Spec.Template.Metadata.Labels[p.Key]));
        var hpa = all.OfType<k8s.Models.V2HorizontalPodAutoscaler>().Single();
        Assert.Equal("Resource", Assert.Single(hpa.Spec.Metrics).Type);
        Assert.Single(all.OfType<k8s.Models.V1PodDisruptionBudget>());
    }

    [Fact]
    public void StrictDecodingRejectsUnknownFields()
    {
        var exception = Assert.Throws<FakeApiException>(() => FakeValidation.DecodeStrict(typeof(k8s.Models.V1ConfigMap),
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"dataa":{"a":"b"}}"""));
        Assert.Equal(422, exception.Code);
    }

    [Fact]
    public async Task EveryManifestIsValidAgainstTheKubernetesSchemas()
    {
        var modules = SchemaModules.Value;
        if (modules is null)
        {
            output.WriteLine("SKIPPED: npm is not installed, so the kubernetes-models schemas cannot be fetched; strict decoding and the rules still ran.");
            return;
        }

        var manifests = new JsonArray(Export().Values.SelectMany(text => KubernetesYaml.LoadAllFromString(text, null, true))
            .Select(o => JsonNode.Parse(KubernetesJson.Serialize(o))).ToArray());
        var file = Path.Combine(KubernetesFixture.TempFolder(), "manifests.json");
        await File.WriteAllTextAsync(file, manifests.ToJsonString());
        var (code, text) = await RunAsync("node", Path.Combine(AppContext.BaseDirectory, "schema-check.mjs"), modules, file);
        output.WriteLine(text);
        Assert.True(code == 0, text);
        Assert.Equal(9, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task KubectlAcceptsTheExportAgainstTheFake()
    {
        if (!OnPath("kubectl"))
        {
            output.WriteLine("SKIPPED: kubectl is not installed; the export was validated against the schemas instead.");
            return;
        }

        await using var fake = await FakeApiServer.StartAsync();
        var folder = KubernetesFixture.TempFolder();
        var kubeconfig = fake.WriteKubeConfig(folder);
        var manifests = Path.Combine(folder, KubernetesExport.ManifestsFile);
        await File.WriteAllTextAsync(manifests, Export()[KubernetesExport.ManifestsFile]);
        var (code, text) = await RunAsync("kubectl", "--kubeconfig", kubeconfig, "apply", "--dry-run=client", "--validate=false", "-f", manifests);
        output.WriteLine(text);
        Assert.True(code == 0, text);
        Assert.Contains("deployment.apps/production-best-practices-production created (dry run)", text, StringComparison.Ordinal);
    }

    private static string? InstallKubernetesModels()
    {
        if (!OnPath("npm") || !OnPath("node"))
        {
            return null;
        }

        var prefix = Path.Combine(Path.GetTempPath(), "agentspec-k8s-tests", "kubernetes-models-5");
        var modules = Path.Combine(prefix, "node_modules");
        if (!File.Exists(Path.Combine(modules, "kubernetes-models", "package.json")))
        {
            var (code, text) = RunAsync("npm", "install", "--prefix", prefix, "kubernetes-models@5", "--no-audit", "--no-fund").GetAwaiter().GetResult();
            Assert.True(code == 0, "npm install kubernetes-models@5 failed:\n" + text);
        }

        return modules;
    }

    private static bool OnPath(string tool) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(p => File.Exists(Path.Combine(p, tool)));

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
