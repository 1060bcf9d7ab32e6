namespace Oversight.PublicServices;

/// <summary>
/// A person's installation of an app for citizens (the city's citizen app, or any other named app), as the app's
/// operator reports it: copied from the operator's list, so written only by imports, which are audited as a whole.
/// </summary>
public sealed class AppInstallation
{
    /// <summary>The person who installed the app.</summary>
    public Guid PersonId { get; init; }

    /// <summary>The app's code: lower-case letters, digits and hyphens (<c>ihanoi</c>). Indicators name the app by it.</summary>
    public required string App { get; init; }

    public DateOnly InstalledOn { get; set; }

    /// <summary>The day the account in the app was activated; null while it is not.</summary>
    public DateOnly? ActivatedOn { get; set; }
}
