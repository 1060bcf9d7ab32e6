using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Oversight.Petitions;
using Oversight.Records;
using Oversight.Web.Localization;
using Oversight.Web.Public;

namespace Oversight.Web.Pages.Public.Petitions;

/// <summary>
/// The public form, no account needed: a citizen sends a petition, feedback or complaint to a commune, ward or
/// special zone and gets a tracking code. Also answers a form posted to <c>/public/petitions</c>: once the petition is
/// stored, with a redirect (303) to its status page, so that a reload does not send it again. A search button finds the
/// unit by name (diacritics ignored) without losing what was typed.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicChannelSetup.SubmissionsPolicy)]
[PublicBodyLimit]
public sealed class NewModel(PublicChannel channel, IStringLocalizer<Strings> text) : PageModel
{
    /// <summary>The page's address; a form posted to <see cref="PostAddress"/> lands here too.</summary>
    public const string Address = "/public/petitions/new";

    public const string PostAddress = "/public/petitions";

    /// <summary>The id of each form control, by the field name the workflow's errors use.</summary>
    private static readonly Dictionary<string, string> InputIds = new(StringComparer.Ordinal)
    {
        ["kind"] = "kind-petition",
        ["unit"] = "unit",
        ["subject"] = "subject",
        ["content"] = "content",
        ["petitioner.name"] = "name",
        ["petitioner.address"] = "address",
        ["petitioner.phone"] = "phone",
    };

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? UnitSearch { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty(Name = "Content")]
    public string? Body { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty(Name = "Address")]
    public string? PetitionerAddress { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    /// <summary>The units the search found; the unit field is then a list of them.</summary>
    public IReadOnlyList<PublicUnit>? Matches { get; private set; }

    /// <summary>The unit the code in the form names, shown beside it.</summary>
    public PublicUnit? ChosenUnit { get; private set; }

    /// <summary>What is wrong with the form, each with the id of its control.</summary>
    public List<(string? Field, string Message)> Errors { get; } = [];

    public async Task OnGetAsync(string? unit, CancellationToken cancellationToken)
    {
        Unit = unit;
        ChosenUnit = await channel.FindUnitAsync(unit, cancellationToken);
    }

    /// <summary>Finds units by name for the unit field and shows the form again as it was typed.</summary>
    public async Task OnPostSearchAsync(CancellationToken cancellationToken)
    {
        Matches = await channel.SearchUnitsAsync(UnitSearch, cancellationToken: cancellationToken);
        ChosenUnit = await channel.FindUnitAsync(Unit, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await channel.SubmitAsync(new PublicPetition(Kind, Unit, Subject, Body, new PetitionerDetails(Name, PetitionerAddress, Phone)), cancellationToken);
        if (result.Succeeded)
        {
            Response.Headers.Location = StatusModel.JustReceivedAddress(result.Case!.TrackingCode!, result.Repeated);
            return StatusCode(StatusCodes.Status303SeeOther);
        }

        Errors.AddRange(result.Errors.Select(e => ((string?)InputIds.GetValueOrDefault(e.Field), $"{FieldLabel(e.Field)}: {Describe(e)}")));
        ChosenUnit = await channel.FindUnitAsync(Unit, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The first error of a control, for the message above it.</summary>
    public string? ErrorFor(string inputId) => Errors.FirstOrDefault(e => e.Field == inputId).Message;

    /// <summary>An error in the reader's language; in English when it has no translation yet.</summary>
    private string Describe(FieldError error) =>
        text[$"RecordError.{error.Key}", [.. error.Arguments]] is { ResourceNotFound: false } translated ? translated.Value : error.Message;

    private string FieldLabel(string field) => field switch
    {
        "kind" => text["Public.Kind"],
        "unit" => text["Public.Unit"],
        "subject" => text["Public.Subject"],
        "content" => text["Public.Content"],
        "petitioner.name" => text["Public.Name"],
        "petitioner.address" => text["Public.Address"],
        "petitioner.phone" => text["Public.Phone"],
        _ => field,
    };
}
