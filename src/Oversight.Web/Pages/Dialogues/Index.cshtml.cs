using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Petitions;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Reception;

namespace Oversight.Web.Pages.Dialogues;

/// <summary>The dialogue register: meetings in a unit's subtree over a period, newest first, one page at a time.</summary>
public sealed class IndexModel(
    ReceptionRegister register,
    CallerScope scope,
    Caller caller,
    TimeProvider time,
    IStringLocalizer<Strings> text) : RegisterFilterModel(scope, caller, time, text)
{
    [BindProperty(SupportsGet = true, Name = "level")]
    public string? Level { get; set; }

    /// <summary>The page of meetings; null when the filters are in error.</summary>
    public RegisterPage<MeetingRow>? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Found = await FindAsync(RegisterSlice.OnePage(PageNumber, PageSize), cancellationToken);

    /// <summary>Every meeting the filters match, as XLSX or CSV.</summary>
    public Task<IActionResult> OnGetExportAsync(string? file, CancellationToken cancellationToken) => ExportAsync(
        file,
        "dialogues",
        Text["Dialogues.Register.Title"],
        limit => FindAsync(RegisterSlice.FirstRows(limit), cancellationToken),
        [
            new(Text["Accountability.Field.Reference"], row => row.Reference),
            new(Text["Reception.Field.HeldOn"], row => row.HeldOn),
            new(Text["Dialogues.Field.Level"], row => Text.Level(row.Level)),
            new(Text["Cases.Field.Unit"], row => row.UnitName),
            new(Text["Dialogues.Field.Topic"], row => row.Topic),
            new(Text["Dialogues.Field.Participants"], row => row.Participants),
            new(Text["Reception.Field.CaseCount"], row => row.CaseCount),
        ]);

    protected override Task<DateOnly?> LastHeldOnAsync(ReceptionFilter filter, CancellationToken cancellationToken) =>
        register.LastHeldOnAsync(filter, meetings: true, cancellationToken);

    private Task<RegisterPage<MeetingRow>?> FindAsync(RegisterSlice slice, CancellationToken cancellationToken)
    {
        var level = Choice<DialogueLevel>(Level, "level");
        return ReadAsync(filter => register.ListMeetingsAsync(filter, level, slice, cancellationToken), cancellationToken);
    }
}
