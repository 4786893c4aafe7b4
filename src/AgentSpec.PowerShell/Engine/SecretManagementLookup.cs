using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security;

namespace AgentSpec.Commands.Engine;

/// <summary>
/// Looks <c>store(path)</c> secrets up with SecretManagement's <c>Get-Secret</c> on the pipeline thread, before any
/// engine work starts (deployment spec §1.5, §8): <c>Get-Secret -Name &lt;path&gt; -AsPlainText [-Vault &lt;vault&gt;]</c>.
/// Only when <c>Get-Secret</c> resolves in the session; the results reach the engine as a prefetched provider.
/// </summary>
internal static class SecretManagementLookup
{
    public const string ProviderName = "SecretManagement";

    /// <summary>The options for one command: provider order, vault, and the look-ups of <paramref name="storePaths"/>.</summary>
    public static SecretOptions Prepare(PSCmdlet cmdlet, IEnumerable<string> storePaths, string? vault, string[]? providerOrder, bool skip)
    {
        vault = string.IsNullOrEmpty(vault) ? System.Environment.GetEnvironmentVariable("AGENTSPEC_SECRET_VAULT") : vault;
        var description = string.IsNullOrEmpty(vault) ? "default vault" : $"vault \"{vault}\"";
        var order = providerOrder is { Length: > 0 } ? providerOrder
            : System.Environment.GetEnvironmentVariable("AGENTSPEC_SECRET_PROVIDERS")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var wanted = order is not { Length: > 0 } || order.Contains(ProviderName, StringComparer.OrdinalIgnoreCase);
        if (skip || !wanted || !IsAvailable(cmdlet))
        {
            return new SecretOptions { ProviderOrder = order, SecretManagementDescription = description };
        }

        var lookups = new Dictionary<string, SecretLookup>(StringComparer.Ordinal);
        foreach (var path in storePaths.Distinct(StringComparer.Ordinal))
        {
            lookups[path] = Fetch(path, vault);
        }

        return new SecretOptions { ProviderOrder = order, SecretManagement = lookups, SecretManagementDescription = description };
    }

    private static bool IsAvailable(PSCmdlet cmdlet) =>
        cmdlet.InvokeCommand.GetCommand("Get-Secret", CommandTypes.Cmdlet | CommandTypes.Function | CommandTypes.Alias) is not null;

    private static SecretLookup Fetch(string path, string? vault)
    {
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddCommand("Get-Secret").AddParameter("Name", path).AddParameter("AsPlainText");
        if (!string.IsNullOrEmpty(vault))
        {
            shell.AddParameter("Vault", vault);
        }

        try
        {
            var output = shell.Invoke();
            var value = output.Select(item => item?.BaseObject).FirstOrDefault(item => item is not null);
            if (value is not null)
            {
                return value switch
                {
                    string text => SecretLookup.Of(text),
                    SecureString secure => SecretLookup.Of(new NetworkCredential(string.Empty, secure).Password),
                    IDictionary => SecretLookup.Failed("secret must be a string, not a hashtable"),
                    _ => SecretLookup.Failed($"secret must be a string, not {value.GetType().Name}"),
                };
            }

            var error = shell.Streams.Error.FirstOrDefault();
            return error is null || IsNotFound(error) ? SecretLookup.NotFound : SecretLookup.Failed(error.Exception.Message);
        }
        catch (RuntimeException exception)
        {
            return IsNotFound(exception.ErrorRecord) ? SecretLookup.NotFound : SecretLookup.Failed(exception.Message);
        }
    }

    private static bool IsNotFound(ErrorRecord error) =>
        error.Exception is ItemNotFoundException
        || error.CategoryInfo.Category == ErrorCategory.ObjectNotFound
        || (error.FullyQualifiedErrorId?.Contains("NotFound", StringComparison.OrdinalIgnoreCase) ?? false);
}
