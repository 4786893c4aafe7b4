using System.ComponentModel;
using ModelContextProtocol.Server;

namespace AgentSpec.Runtime.McpTestServer;

/// <summary>The tools of the test server.</summary>
[McpServerToolType]
public static class CalcTools
{
    [McpServerTool(Name = "add")]
    [Description("Adds two integers.")]
    public static string Add([Description("first addend")] int a, [Description("second addend")] int b) => (a + b).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [McpServerTool(Name = "fail")]
    [Description("Always fails.")]
    public static string Fail() => throw new InvalidOperationException("calculator broke");
}
