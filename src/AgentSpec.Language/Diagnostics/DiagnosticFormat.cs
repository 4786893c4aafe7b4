namespace AgentSpec;

/// <summary>How diagnostics are written as text for people and CI systems.</summary>
public enum DiagnosticFormat
{
    /// <summary>The language spec's form: <c>file:line:col: error AS2002: message</c> plus a <c>hint:</c> line.</summary>
    Text,

    /// <summary>MSBuild canonical errors: <c>file(line,col,endLine,endCol): error AS2002: message</c>.</summary>
    MSBuild,

    /// <summary>GitHub Actions workflow commands: <c>::error file=…,line=…,col=…::message</c>.</summary>
    GitHubActions,

    /// <summary>Azure DevOps logging commands: <c>##vso[task.logissue type=error;…]message</c>.</summary>
    AzureDevOps,
}
