using System.CommandLine;
using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Domain.Users;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;

namespace EcoBid.Server.Cli;

internal static class UserCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The account's email address", Required = true };
        var makeAdmin = new Command("make-admin", "Gives an existing account the admin role (how the first admin is made).") { email };
        makeAdmin.SetAction(async (result, cancellationToken) =>
        {
            var address = EmailAddresses.Normalize(result.GetValue(email));
            if (address is null)
            {
                result.InvocationConfiguration.Error.WriteLine("--email: not an email address.");
                return EventsCommands.InvalidInput;
            }

            using var host = await CliServices.StartAsync(cancellationToken);
            var changed = await host.Services.GetRequiredService<IEventDatabase>().WriteAsync(async scope =>
            {
                var id = await scope.Connection.ExecuteScalarAsync<string?>("SELECT id FROM users WHERE email = @address", new { address }, scope.Transaction);
                if (id is null)
                {
                    return false;
                }

                await scope.Connection.ExecuteAsync("UPDATE users SET role = @role, updated_at = @now WHERE id = @id", new { role = Roles.Admin, now = scope.Now.ToUnixTimeMilliseconds(), id }, scope.Transaction);
                await scope.PublishAsync(new UserProfileUpdated(id, ["role"], scope.Now));
                return true;
            }, cancellationToken);
            if (!changed)
            {
                result.InvocationConfiguration.Error.WriteLine($"No account with the email address {address}; register it first.");
                return EventsCommands.InvalidInput;
            }

            result.InvocationConfiguration.Output.WriteLine($"{address} is now an admin (its next sign-in carries the role).");
            return 0;
        });
        return new Command("users", "Accounts.") { makeAdmin };
    }
}
