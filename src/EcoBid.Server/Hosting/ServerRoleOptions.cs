namespace EcoBid.Server.Hosting;

public sealed record ServerRoleOptions(ServerRole Role)
{
    public bool RunsWorkers => Role is ServerRole.All or ServerRole.Worker;

    public bool ServesApi => Role is ServerRole.All or ServerRole.Api;

    public static ServerRoleOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration["Role"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new ServerRoleOptions(ServerRole.All);
        }

        return Enum.TryParse<ServerRole>(value, ignoreCase: true, out var role)
            ? new ServerRoleOptions(role)
            : throw new InvalidOperationException($"Role '{value}' is not known; use all, api or worker.");
    }
}
