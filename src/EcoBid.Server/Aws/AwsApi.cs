namespace EcoBid.Server.Aws;

public static class AwsApi
{
    /// <summary>
    /// AWS's JSON protocol at <c>POST /aws</c> (botocore posts to the endpoint URL's own path, <c>/aws</c> for
    /// <c>--endpoint-url http://host/aws</c>; routing also takes <c>/aws/</c>). The credentials are resolved here, so a
    /// first start generates them rather than the first request.
    /// </summary>
    public static IEndpointRouteBuilder MapAwsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.ServiceProvider.GetRequiredService<AwsCredentials>();
        app.MapPost("/aws", AwsEndpoint.HandleAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }
}
