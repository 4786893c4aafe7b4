namespace AgentSpec.Runtime.Http;

/// <summary>A matched route: its template (the metrics <c>route</c> label), allowed methods, whether it needs a key, and path values.</summary>
public sealed record RouteMatch(string Template, string[] Methods, bool NeedsAuth, string? Name = null, string? Id = null);
