using EcoBid.Events;
using EcoBid.Server.Handlers.AuctionEndDue;
using EcoBid.Server.Handlers.Scheduled;

namespace EcoBid.Server.Auctions;

public static class AuctionsServices
{
    /// <summary>Quick auctions: their options, store, closing and the two handlers that close them.</summary>
    public static IServiceCollection AddEcoBidAuctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuctionsOptions>(configuration.GetSection(AuctionsOptions.Section));
        services.AddSingleton<AuctionStore>();
        services.AddSingleton<AuctionClosing>();
        services.AddEventHandler<EndAuction>(EndAuction.Target);
        services.AddEventHandler<AuctionEndCheck>(AuctionEndCheck.Target);
        return services;
    }

    public static IEndpointRouteBuilder MapAuctions(this IEndpointRouteBuilder routes) => routes.MapAuctionsApi().MapBidsApi();
}
