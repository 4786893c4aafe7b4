using AgentSpec.Engine.Secrets;

namespace AgentSpec.Engine.Tests;

public class SecretTests
{
    [Fact]
    public void FingerprintIsHmacOfNameAndValueUnderTheSalt()
    {
        var salt = new byte[32];
        var a = SecretFingerprint.Compute(salt, "api-key", "value-one");
        Assert.Matches("^hmac-sha256:[0-9a-f]{64}$", a);
        Assert.Equal(a, SecretFingerprint.Compute(salt, "api-key", "value-one"));
        Assert.NotEqual(a, SecretFingerprint.Compute(salt, "api-key", "value-two"));
        Assert.NotEqual(a, SecretFingerprint.Compute(salt, "other", "value-one"));
        salt[0] = 1;
        Assert.NotEqual(a, SecretFingerprint.Compute(salt, "api-key", "value-one"));
        Assert.Equal(44, SecretFingerprint.NewSalt().Length);
    }

    [Theory]
    [InlineData("production/database/password", "AGENTSPEC_SECRET_PRODUCTION_DATABASE_PASSWORD")]
    [InlineData("a.b-c", "AGENTSPEC_SECRET_A_B_C")]
    public void StorePathsMapToEnvironmentNames(string path, string expected) =>
        Assert.Equal(expected, EnvironmentNames.ForStorePath(path));

    [Fact]
    public void StoreChainStopsAtFirstHitAndListsProvidersTriedWhenNothingFound()
    {
        var reference = SecretReference.Create("db", "store", "prod/db");
        var vault = new PrefetchedSecretProvider("SecretManagement", "vault \"Default\"", new Dictionary<string, SecretLookup> { ["prod/db"] = SecretLookup.Of("from-vault") });
        var environment = new EnvironmentSecretProvider(name => name == "AGENTSPEC_SECRET_PROD_DB" ? "from-env" : null);
        Assert.Equal("from-vault", new SecretResolver([vault, environment]).Resolve(reference).Value);
        Assert.Equal("from-env", new SecretResolver([environment, vault]).Resolve(reference).Value);

        var missing = new SecretResolver([new EnvironmentSecretProvider(_ => null), new FileSecretProvider((string?)null)]).Resolve(reference);
        Assert.False(missing.Resolved);
        var error = SecretResolver.Unresolvable(missing);
        Assert.Equal(ErrorIds.SecretUnresolvable, error.ErrorId);
        Assert.Contains("store(prod/db)", error.Message, StringComparison.Ordinal);
        Assert.Contains("AGENTSPEC_SECRET_PROD_DB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProviderErrorStopsTheChain()
    {
        var failing = new PrefetchedSecretProvider("SecretManagement", "vault", new Dictionary<string, SecretLookup> { ["p"] = SecretLookup.Failed("vault is locked") });
        var result = new SecretResolver([failing, new EnvironmentSecretProvider(_ => "never")]).Resolve(SecretReference.Create("s", "store", "p"));
        Assert.False(result.Resolved);
        Assert.Contains("vault is locked", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FileProviderReadsJsonObjectAndRejectsNonStrings()
    {
        var folder = TestEnvironment.TempFolder();
        var file = Path.Combine(folder, "secrets.json");
        File.WriteAllText(file, "{\"a/b\": \"file-value\", \"n\": 3}");
        var provider = new FileSecretProvider(file);
        Assert.Equal("file-value", provider.TryGet(SecretReference.Create("x", "store", "a/b")).Value);
        Assert.False(provider.TryGet(SecretReference.Create("x", "store", "missing")).Found);
        Assert.NotNull(provider.TryGet(SecretReference.Create("x", "store", "n")).Error);
    }

    [Fact]
    public void RedactorMasksEveryRegisteredValueButNotShortOnes()
    {
        var redactor = new Redactor();
        redactor.Register("sk-live-123456");
        redactor.Register("abc");
        Assert.Equal("key=***REDACTED*** and ***REDACTED***, abc", redactor.Redact("key=sk-live-123456 and sk-live-123456, abc"));
    }
}
