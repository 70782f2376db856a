using System.Globalization;
using System.Net.WebSockets;
using EcoBid.Events.Storage;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Live;

/// <summary>
/// <c>GET /ws</c>: the live channel (API Gateway WebSocket's part). Authenticated by the access token in the
/// <c>Authorization</c> header, the <c>access_token</c> query string, or a first <c>{"type":"auth","token":…}</c>
/// message; <c>resumeAfter</c> (query or message) replays the notifications sent since.
/// </summary>
public static partial class LiveApi
{
    public static WebApplication MapLiveApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets();
        app.Map("/ws", AcceptAsync).AllowAnonymous().WithTags("Live")
            .WithSummary("The live channel (WebSocket): notifications, resume after a reconnect, item watching. See docs/notifications.md.");
        return app;
    }

    public static async Task AcceptAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A WebSocket upgrade is required.", detail: "Connect with a WebSocket client to /ws.").ExecuteAsync(context);
            return;
        }

        var services = context.RequestServices;
        var tokens = services.GetRequiredService<LiveTokens>();
        var identity = LiveTokens.FromPrincipal(context.User);
        var queryToken = context.Request.Query["access_token"].ToString();
        if (identity is null && queryToken.Length > 0)
        {
            identity = await tokens.ValidateAsync(queryToken);
            if (identity is null)
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The access token was refused.", detail: "Sign in again and reconnect.").ExecuteAsync(context);
                return;
            }
        }

        var resumeAfter = long.TryParse(context.Request.Query["resumeAfter"], NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : (long?)null;
        var options = services.GetRequiredService<IOptions<LiveOptions>>().Value;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        if (identity is null)
        {
            (identity, resumeAfter) = await AuthenticateByMessageAsync(socket, tokens, options, resumeAfter, context.RequestAborted);
            if (identity is null)
            {
                return;
            }
        }

        using var connection = new LiveConnection(identity.UserId, identity.ExpiresAt, options.QueueCapacity);
        var session = new LiveSession(
            socket, connection, services.GetRequiredService<LiveConnections>(), tokens, services.GetRequiredService<IEventDatabase>(), options,
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILoggerFactory>().CreateLogger<LiveSession>());
        await session.RunAsync(resumeAfter, context.RequestAborted);
    }

    /// <summary>A socket opened without a token must send <c>{"type":"auth","token":…}</c> first, within the auth timeout.</summary>
    private static async Task<(LiveIdentity?, long?)> AuthenticateByMessageAsync(
        WebSocket socket, LiveTokens tokens, LiveOptions options, long? resumeAfter, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.AuthTimeout);
        var buffer = new byte[options.MaxMessageBytes];
        ClientMessage? message = null;
        try
        {
            var received = await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
            if (received.MessageType == WebSocketMessageType.Text && received.EndOfMessage)
            {
                message = ClientMessage.Parse(buffer.AsSpan(0, received.Count));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
            return (null, null);
        }

        var identity = message?.Type == ClientMessage.Auth ? await tokens.ValidateAsync(message.Token) : null;
        if (identity is null)
        {
            if (socket.State == WebSocketState.Open)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "authenticate first: {\"type\":\"auth\",\"token\":\"<access token>\"}", closing.Token);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
                {
                }
            }

            return (null, null);
        }

        return (identity, message!.ResumeAfter ?? resumeAfter);
    }
}
