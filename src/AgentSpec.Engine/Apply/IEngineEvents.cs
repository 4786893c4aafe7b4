namespace AgentSpec.Engine.Apply;

/// <summary>
/// Where engine work reports progress (deployment spec §1.5). The PowerShell layer drains these on the pipeline
/// thread; texts are redacted before they are published.
/// </summary>
public interface IEngineEvents
{
    void Verbose(string message);

    void Warning(string message);

    void Information(string message);

    /// <summary>Progress of the operation: <paramref name="completed"/> of <paramref name="total"/>, with the current resource and step.</summary>
    void Progress(int completed, int total, string current, string step);

    /// <summary>One resource finished (succeeded, failed, skipped or cancelled); its result is final.</summary>
    void Completed(ApplyResult result)
    {
    }
}
