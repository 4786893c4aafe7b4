using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;

namespace AgentSpec.Kubernetes.Tests.Fake;

/// <summary>The admission checks of the fake (422 <c>Invalid</c>): strict decoding into the typed model, names, labels, required fields.</summary>
public static partial class FakeValidation
{
    private static readonly MethodInfo StrictYaml = typeof(KubernetesYaml).GetMethods()
        .Single(m => m.Name == "Deserialize" && m.GetParameters() is [{ ParameterType: var p0 }, { ParameterType: var p1 }] && p0 == typeof(string) && p1 == typeof(bool));

    /// <summary>Strict decoding: every field must exist in the model (throws the decoder's message).</summary>
    public static object DecodeStrict(Type model, string json)
    {
        try
        {
            return StrictYaml.MakeGenericMethod(model).Invoke(null, [json, true]) ?? throw new FakeApiException(422, "Invalid", "empty object");
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
        {
            throw new FakeApiException(422, "Invalid", $"strict decoding error: {inner.Message}");
        }
    }

    public static void Validate(FakeKind kind, JsonObject obj, string? ns, string name)
    {
        var causes = new JsonArray();
        void Invalid(string field, string message) => causes.Add(new JsonObject { ["reason"] = "FieldValueInvalid", ["message"] = message, ["field"] = field });

        if (obj["apiVersion"]?.GetValue<string>() != kind.GroupVersion || obj["kind"]?.GetValue<string>() != kind.Kind)
        {
            Invalid("apiVersion", $"expected {kind.GroupVersion} {kind.Kind}, got {obj["apiVersion"]} {obj["kind"]}");
        }

        var metadata = obj["metadata"] as JsonObject;
        if (metadata?["name"]?.GetValue<string>() != name)
        {
            Invalid("metadata.name", $"the name in the body ({metadata?["name"]}) does not match the URL ({name})");
        }

        if (kind.Namespaced && metadata?["namespace"]?.GetValue<string>() is { } bodyNs && bodyNs != ns)
        {
            Invalid("metadata.namespace", $"the namespace in the body ({bodyNs}) does not match the URL ({ns})");
        }

        var labelName = kind.Kind is "Namespace" or "Service";
        if (!(labelName ? IsDnsLabel(name) : IsDnsSubdomain(name)))
        {
            Invalid("metadata.name", $"Invalid value: \"{name}\": a lowercase RFC 1123 {(labelName ? "label" : "subdomain")} must consist of lower case alphanumeric characters or '-'");
        }

        foreach (var (key, value) in metadata?["labels"] as JsonObject ?? new JsonObject())
        {
            if (!IsLabelKey(key))
            {
                Invalid($"metadata.labels", $"Invalid value: \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.'");
            }

            if (value is not JsonValue v || !v.TryGetValue<string>(out var text) || !IsLabelValue(text))
            {
                Invalid($"metadata.labels", $"Invalid value: \"{value}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.' (at most 63)");
            }
        }

        switch (kind.Kind)
        {
            case "Deployment":
                var selector = obj["spec"]?["selector"]?["matchLabels"] as JsonObject;
                var template = obj["spec"]?["template"]?["metadata"]?["labels"] as JsonObject;
                if (selector is null || selector.Count == 0)
                {
                    Invalid("spec.selector", "Required value");
                }
                else if (template is null || selector.Any(p => template[p.Key]?.GetValue<string>() != p.Value?.GetValue<string>()))
                {
                    Invalid("spec.template.metadata.labels", "Invalid value: `selector` does not match template `labels`");
                }

                var containers = obj["spec"]?["template"]?["spec"]?["containers"] as JsonArray;
                if (containers is null || containers.Count == 0)
                {
                    Invalid("spec.template.spec.containers", "Required value");
                }

                foreach (var container in containers?.OfType<JsonObject>() ?? [])
                {
                    if (container["name"] is null || container["image"] is null)
                    {
                        Invalid("spec.template.spec.containers", "Required value: name and image");
                    }
                }

                break;
            case "Service":
                if (obj["spec"]?["ports"] is not JsonArray { Count: > 0 })
                {
                    Invalid("spec.ports", "Required value");
                }

                break;
            case "HorizontalPodAutoscaler":
                if (obj["spec"]?["scaleTargetRef"] is null || obj["spec"]?["maxReplicas"] is null)
                {
                    Invalid("spec", "Required value: scaleTargetRef and maxReplicas");
                }

                break;
        }

        if (causes.Count > 0)
        {
            var first = causes[0]?["message"]?.GetValue<string>();
            throw new FakeApiException(422, "Invalid", $"{kind.Kind} \"{name}\" is invalid: {first}", causes);
        }
    }

    public static bool IsDnsLabel(string text) => text.Length <= 63 && DnsLabel().IsMatch(text);

    public static bool IsDnsSubdomain(string text) => text.Length <= 253 && DnsSubdomain().IsMatch(text);

    public static bool IsLabelValue(string text) => text.Length == 0 || (text.Length <= 63 && LabelValue().IsMatch(text));

    public static bool IsLabelKey(string key)
    {
        var slash = key.LastIndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        return name.Length is > 0 and <= 63 && LabelValue().IsMatch(name) && (slash < 0 || IsDnsSubdomain(key[..slash]));
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
