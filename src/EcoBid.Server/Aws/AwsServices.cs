using EcoBid.Server.Aws.EventBridge;
using EcoBid.Server.Aws.Protocol;
using EcoBid.Server.Aws.Signing;
using EcoBid.Server.Aws.StepFunctions;

namespace EcoBid.Server.Aws;

public static class AwsServices
{
    /// <summary>The AWS protocol at <c>/aws</c>: credentials, the SigV4 check, and the services spoken there.</summary>
    public static IServiceCollection AddEcoBidAws(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(_ => AwsCredentialStore.Resolve(configuration));
        services.AddSingleton(provider => new SigV4Verifier(
            provider.GetRequiredService<AwsCredentials>(), AwsOptions.From(configuration).Region, provider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<AwsServiceRegistry>();
        services.AddSingleton(StepFunctionsProtocol.Create());
        services.AddSingleton(EventBridgeProtocol.Create(EventBridgeArns.From(configuration)));
        return services;
    }
}
