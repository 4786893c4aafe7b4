namespace AgentSpec;

/// <summary>The ErrorIds of the deployment error catalogue (deployment spec §10.2).</summary>
public static class ErrorIds
{
    public const string SpecFileNotFound = "SpecFileNotFound";
    public const string SpecInvalid = "SpecInvalid";
    public const string EnvironmentNotFound = "EnvironmentNotFound";
    public const string TargetNotFound = "TargetNotFound";
    public const string NoDeployTargets = "NoDeployTargets";
    public const string TargetAmbiguous = "TargetAmbiguous";
    public const string PolicyViolation = "PolicyViolation";
    public const string SecretUnresolvable = "SecretUnresolvable";
    public const string SecretChangedSincePlan = "SecretChangedSincePlan";
    public const string StalePlan = "StalePlan";
    public const string PlanHasErrors = "PlanHasErrors";
    public const string PlanFileInvalid = "PlanFileInvalid";
    public const string ChangesPresent = "ChangesPresent";
    public const string StateNotFound = "StateNotFound";
    public const string StateCorrupt = "StateCorrupt";
    public const string StateVersionUnsupported = "StateVersionUnsupported";
    public const string StateWriteFailed = "StateWriteFailed";
    public const string StateLocked = "StateLocked";
    public const string LockNotFound = "LockNotFound";
    public const string LockIdMismatch = "LockIdMismatch";
    public const string TargetNotInState = "TargetNotInState";
    public const string TargetUnreachable = "TargetUnreachable";
    public const string TargetEndpointChanged = "TargetEndpointChanged";
    public const string RuntimeNotFound = "RuntimeNotFound";
    public const string ComposeNotInstalled = "ComposeNotInstalled";
    public const string ResourceApplyFailed = "ResourceApplyFailed";
    public const string ResourceDestroyFailed = "ResourceDestroyFailed";
    public const string HealthCheckFailed = "HealthCheckFailed";
    public const string ResourceConflict = "ResourceConflict";
    public const string HistoryEntryNotFound = "HistoryEntryNotFound";
    public const string SnapshotMissing = "SnapshotMissing";
    public const string OutputPathNotEmpty = "OutputPathNotEmpty";
    public const string LogsUnavailable = "LogsUnavailable";

    /// <summary>Export-AgentSpec: the format does not fit the target kind, or the kind has no exporter yet.</summary>
    public const string ExportFormatUnsupported = "ExportFormatUnsupported";
}
