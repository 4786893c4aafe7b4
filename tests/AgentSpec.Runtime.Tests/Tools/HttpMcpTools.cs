using System.ComponentModel;
using ModelContextProtocol.Server;

namespace AgentSpec.Runtime.Tests.Tools;

/// <summary>Tools of the in-process streamable-HTTP MCP test server.</summary>
[McpServerToolType]
public static class HttpMcpTools
{
    [McpServerTool(Name = "mul")]
    [Description("Multiplies two integers.")]
    public static string Multiply(int a, int b) => (a * b).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
