namespace AgentSpec.Runtime.Cli;

/// <summary>Process exit codes of spec §1.2.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Fatal = 1;
    public const int Usage = 2;
    public const int InvalidConfiguration = 3;
    public const int SecondSigint = 130;
    public const int SecondSigterm = 143;
}
