namespace Oversight.Web.Accounts;

/// <summary>Authorization policies. Every endpoint and page carries one, or is marked public.</summary>
public static class Policies
{
    /// <summary>Pages: a signed-in account (cookie).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>JSON API: a personal access token (bearer).</summary>
    public const string Api = "api";

    /// <summary>Administration pages: the administrator role.</summary>
    public const string Administrator = "administrator";

    /// <summary>Pages for leaders of units (and administrators), such as who saw which denouncer's identity.</summary>
    public const string Leader = "leader";
}
