using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Oversight.Accounts;

/// <summary>Work done in the background as an account: an import as the account that gave the file, a digest as its reader.</summary>
public static class ActingAccount
{
    /// <summary>
    /// Makes the <see cref="Caller"/> of a service scope of its own the account with <paramref name="userId"/>, with its
    /// roles and scope unit as they are now, as a request of that account would be; null when there is no such account.
    /// </summary>
    public static async Task<OversightUser?> ActAsAsync(this IServiceProvider scopeServices, string userId)
    {
        var users = scopeServices.GetRequiredService<UserManager<OversightUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        scopeServices.GetRequiredService<Caller>().SetUser(user.Id, user.UserName ?? user.Id, await users.GetRolesAsync(user), user.ScopeUnitId);
        return user;
    }
}
