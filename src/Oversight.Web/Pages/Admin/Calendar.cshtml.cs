using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Calendar;
using Oversight.Organisation;
using Oversight.Web.Accounts;

namespace Oversight.Web.Pages.Admin;

/// <summary>
/// The working-day calendar for administrators: a year's days off and swapped working days, where the year comes
/// from (the Labour Code's statutory days, the file shipped with Oversight, or a schedule an administrator loaded),
/// and the upload of a year's official schedule file.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(RulesModel.MaxFileBytes + FormOverheadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RulesModel.MaxFileBytes + FormOverheadBytes)]
public sealed class CalendarModel(WorkingCalendar calendar, HolidayScheduleLoader loader, TimeProvider time) : PageModel
{
    private const long FormOverheadBytes = 64 * 1024;

    public static int FirstYear => VietnameseLunarCalendar.MinDate.Year;

    public static int LastYear => VietnameseLunarCalendar.MaxDate.Year;

    public int Year { get; private set; }

    /// <summary>The <c>year</c> query value when it is not a year of the calendar.</summary>
    public string? InvalidYear { get; private set; }

    public HolidayYear Holidays { get; private set; } = null!;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The outcome of an upload: the year and the days it changed, or the errors (file and field named).</summary>
    public ScheduleLoadResult? Loaded { get; private set; }

    /// <summary>A problem with the form itself (no file, too large), as a resource key.</summary>
    public string? UploadError { get; private set; }

    public async Task OnGetAsync(string? year, CancellationToken cancellationToken)
    {
        Year = VietnamTime.Today(time).Year;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && chosen >= FirstYear && chosen <= LastYear)
            {
                Year = chosen;
            }
            else
            {
                InvalidYear = year;
            }
        }

        Holidays = await calendar.HolidaysOfAsync(Year, cancellationToken);
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Year = VietnamTime.Today(time).Year;
        if (Upload is null || Upload.Length == 0)
        {
            UploadError = "Admin.Rules.FileRequired";
        }
        else if (Upload.Length > RulesModel.MaxFileBytes)
        {
            UploadError = "Admin.Rules.FileTooLarge";
        }
        else
        {
            using var reader = new StreamReader(Upload.OpenReadStream());
            Loaded = await loader.LoadAsync(Path.GetFileName(Upload.FileName), await reader.ReadToEndAsync(cancellationToken), cancellationToken);
            Year = Loaded.Year ?? Year;
        }

        Holidays = await calendar.HolidaysOfAsync(Year, cancellationToken);
    }
}
