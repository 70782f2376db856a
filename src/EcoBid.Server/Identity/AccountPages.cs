using System.Text.Encodings.Web;
using EcoBid.Events.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Identity;

/// <summary>
/// The small pages the links in account emails open: confirm an email address, choose a new password. A GET only
/// shows a form (mail scanners fetch links, and must not spend the token); the form's POST does the work through the
/// same handlers as the JSON API. The web client serves richer versions of these pages at the same addresses.
/// </summary>
public static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/verify-email", VerifyForm).ExcludeFromDescription();
        routes.MapPost("/verify-email", Verify).ExcludeFromDescription().DisableAntiforgery();
        routes.MapGet("/reset-password", ResetForm).ExcludeFromDescription();
        routes.MapPost("/reset-password", Reset).ExcludeFromDescription().DisableAntiforgery();
        return routes;
    }

    public static ContentHttpResult VerifyForm(string? token) => Page(
        "Confirm your email address",
        string.IsNullOrEmpty(token)
            ? "<p>This link has no token. Open the link from your verification email again.</p>"
            : $"""
              <p>Confirm the email address of your EcoBid account.</p>
              <form method="post" action="/verify-email">
                <input type="hidden" name="token" value="{Encode(token)}">
                <button type="submit">Confirm my email address</button>
              </form>
              """);

    public static async Task<ContentHttpResult> Verify(HttpRequest request, IEventDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = await request.ReadFormAsync(cancellationToken);
        var result = await AuthApi.VerifyEmail(new TokenRequest(form["token"].ToString()), database, cancellationToken);
        return result.Result is NoContent
            ? Page("Email address confirmed", "<p>Your email address is confirmed. You can <a href=\"/\">sign in</a> now.</p>")
            : Page("The link did not work", "<p>This verification link is not valid or has expired. Sign in and ask for a new one.</p>", StatusCodes.Status400BadRequest);
    }

    public static ContentHttpResult ResetForm(string? token) => Page(
        "Choose a new password",
        string.IsNullOrEmpty(token)
            ? "<p>This link has no token. Open the link from your password reset email again.</p>"
            : ResetFormHtml(token, null));

    public static async Task<ContentHttpResult> Reset(HttpRequest request, IEventDatabase database, PasswordHashing passwords, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = await request.ReadFormAsync(cancellationToken);
        var token = form["token"].ToString();
        var result = await AuthApi.ResetPassword(new ResetPasswordRequest(token, form["newPassword"].ToString()), database, passwords, cancellationToken);
        if (result.Result is NoContent)
        {
            return Page("Password changed", "<p>Your password is changed and every other sign-in has ended. <a href=\"/\">Sign in</a> with the new one.</p>");
        }

        var errors = result.Result is ValidationProblem problem ? problem.ProblemDetails.Errors.SelectMany(e => e.Value) : [];
        return Page("Choose a new password", ResetFormHtml(token, errors), StatusCodes.Status400BadRequest);
    }

    private static string ResetFormHtml(string token, IEnumerable<string>? errors)
    {
        var problems = errors is null ? string.Empty : $"<ul role=\"alert\">{string.Concat(errors.Select(e => $"<li>{Encode(e)}</li>"))}</ul>";
        return $"""
            {problems}
            <form method="post" action="/reset-password">
              <input type="hidden" name="token" value="{Encode(token)}">
              <label for="newPassword">New password (8 or more characters, with upper case, lower case and a digit)</label>
              <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required minlength="8">
              <button type="submit">Set the new password</button>
            </form>
            """;
    }

    private static ContentHttpResult Page(string title, string body, int status = StatusCodes.Status200OK) => TypedResults.Content(
        $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Encode(title)} · EcoBid</title></head>
        <body><main><h1>{Encode(title)}</h1>{body}</main></body>
        </html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
