namespace AgentSpec.Runtime.Http;

/// <summary>Matches request paths to the routes of spec §2.4.</summary>
public static class RouteTable
{
    public static RouteMatch? Match(string path, string healthPath)
    {
        if (path == "/healthz" || path == healthPath) return new RouteMatch(path == "/healthz" ? "/healthz" : healthPath, ["GET", "HEAD"], false);
        if (path == "/v1/metrics") return new RouteMatch("/v1/metrics", ["GET"], false);
        if (path == "/v1/agents") return new RouteMatch("/v1/agents", ["GET"], true);
        var parts = path.Split('/');
        // "", "v1", "agents", name, ...
        if (parts.Length >= 5 && parts[0] == "" && parts[1] == "v1" && parts[2] == "agents" && parts[3].Length > 0)
        {
            var name = Uri.UnescapeDataString(parts[3]);
            switch (parts.Length)
            {
                case 5 when parts[4] == "invoke": return new RouteMatch("/v1/agents/{name}/invoke", ["POST"], true, name);
                case 5 when parts[4] == "stream": return new RouteMatch("/v1/agents/{name}/stream", ["POST"], true, name);
                case 5 when parts[4] == "sessions": return new RouteMatch("/v1/agents/{name}/sessions", ["GET", "POST"], true, name);
                case 6 when parts[4] == "sessions" && parts[5].Length > 0:
                    return new RouteMatch("/v1/agents/{name}/sessions/{id}", ["POST", "DELETE"], true, name, parts[5]);
                case 7 when parts[4] == "sessions" && parts[5].Length > 0 && parts[6] == "continue":
                    return new RouteMatch("/v1/agents/{name}/sessions/{id}/continue", ["POST"], true, name, parts[5]);
            }
        }
        if (parts.Length == 5 && parts[0] == "" && parts[1] == "v1" && parts[2] == "pipelines" && parts[3].Length > 0 && parts[4] == "run")
        {
            return new RouteMatch("/v1/pipelines/{name}/run", ["POST"], true, Uri.UnescapeDataString(parts[3]));
        }
        return null;
    }
}
