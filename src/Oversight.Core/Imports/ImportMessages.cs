using System.Globalization;
using Oversight.Text;

namespace Oversight.Imports;

/// <summary>
/// A kind of import error: the key pages translate it by (<c>ImportError.{Key}</c> in the web resources) and its
/// English wording, with <c>{0}</c>-style places for the values of the row.
/// </summary>
public sealed record ImportMessage(string Key, string English)
{
    /// <summary>The error at a row and column, with the values that fill the message (dates as <c>YYYY-MM-DD</c>).</summary>
    public ImportError At(string file, int row, string? column, params object?[] values)
    {
        var arguments = values.Select(Format).ToArray();
        return new ImportError(file, row, column, string.Format(CultureInfo.InvariantCulture, English, arguments)) { Key = $"ImportError.{Key}", Arguments = arguments };
    }

    private static string Format(object? value) => value switch
    {
        null => "…",
        DateOnly day => IsoDate.Format(day),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>Every message an import reports. Each has a translation under <c>ImportError.{Key}</c> for the pages.</summary>
public static class ImportMessages
{
    public static readonly ImportMessage Empty = new(nameof(Empty), "must not be empty");
    public static readonly ImportMessage TooLong = new(nameof(TooLong), "is {0} characters long; at most {1} are allowed");
    public static readonly ImportMessage NotADate = new(nameof(NotADate), "'{0}' is not a date in the form YYYY-MM-DD");
    public static readonly ImportMessage NotOneOf = new(nameof(NotOneOf), "'{0}' is not one of: {1}");
    public static readonly ImportMessage NotAnEmail = new(nameof(NotAnEmail), "'{0}' is not an e-mail address");
    public static readonly ImportMessage NotYesOrNo = new(nameof(NotYesOrNo), "'{0}' is not yes or no");
    public static readonly ImportMessage EndBeforeStart = new(nameof(EndBeforeStart), "{0} is before {1} {2}");

    public static readonly ImportMessage NotASpreadsheet = new(nameof(NotASpreadsheet), "not a spreadsheet Oversight reads: the name must end in .csv or .xlsx");
    public static readonly ImportMessage NotAWorkbook = new(nameof(NotAWorkbook), "not a readable XLSX workbook; save it from the spreadsheet as Excel Workbook (.xlsx)");
    public static readonly ImportMessage NotUtf8 = new(nameof(NotUtf8), "the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"");
    public static readonly ImportMessage QuoteNotClosed = new(nameof(QuoteNotClosed), "field {0} opens a quote that is never closed");
    public static readonly ImportMessage TextAfterQuote = new(nameof(TextAfterQuote), "field {0} has text after its closing quote; double a quote inside a quoted field (\"\")");
    public static readonly ImportMessage TooManyRows = new(nameof(TooManyRows), "more than {0} data rows: an import takes at most {0} (Imports:MaxRows); split the file, nothing was written");
    public static readonly ImportMessage NoHeader = new(nameof(NoHeader), "row 1 must be the header: {0}");
    public static readonly ImportMessage ColumnTwice = new(nameof(ColumnTwice), "the header names this column twice (columns {0} and {1})");
    public static readonly ImportMessage ColumnMissing = new(nameof(ColumnMissing), "the header has no such column");
    public static readonly ImportMessage AdministratorsOnly = new(nameof(AdministratorsOnly), "only an administrator may import {0}");
    public static readonly ImportMessage Stopped = new(nameof(Stopped), "the import stopped on an unexpected error; nothing was written, and the error is in the server's log");
    public static readonly ImportMessage AccountGone = new(nameof(AccountGone), "the account that gave the file no longer exists; nothing was written");

    public static readonly ImportMessage CodeOnOverlappingRow = new(nameof(CodeOnOverlappingRow), "code {0} is also on row {1} for an overlapping period; a code names one unit at a time");
    public static readonly ImportMessage ParentCycle = new(nameof(ParentCycle), "parent {0} leads back to this row: a unit cannot hang under itself");
    public static readonly ImportMessage ParentRowNotImported = new(nameof(ParentRowNotImported), "parent {0} is on row {1}, which cannot be imported");
    public static readonly ImportMessage ParentRowHasErrors = new(nameof(ParentRowHasErrors), "parent {0} is on row {1}, which has errors");
    public static readonly ImportMessage ParentNotFound = new(nameof(ParentNotFound), "no unit has code {0} on {1}, in the database or in this file");
    public static readonly ImportMessage CodeNamesAnotherUnit = new(nameof(CodeNamesAnotherUnit), "code {0} names another unit from {1} to {2}; a reused code needs a period that does not overlap");
    public static readonly ImportMessage UnitUnderAnotherParent = new(nameof(UnitUnderAnotherParent), "unit {0} exists on {1} under parent {2}; an import does not move units (record a move in the lineage)");
    public static readonly ImportMessage UnitWithoutParent = new(nameof(UnitWithoutParent), "unit {0} exists on {1} without a parent; an import does not move units (record a move in the lineage)");
    public static readonly ImportMessage SameUnitAsRow = new(nameof(SameUnitAsRow), "describes the same unit as row {0}; give each unit one row");
    public static readonly ImportMessage VersionAfterEnd = new(nameof(VersionAfterEnd), "unit {0} has a version from {1}, after {2}");

    public static readonly ImportMessage UnitNotFound = new(nameof(UnitNotFound), "no unit has code {0} on {1}");
    public static readonly ImportMessage BranchNotFoundWhenJoined = new(nameof(BranchNotFoundWhenJoined), "no unit has code {0} on {1} (party_joined); give party_branch_from when the member came to this branch later");
    public static readonly ImportMessage NotAPartyBody = new(nameof(NotAPartyBody), "{0} is {1}, a {2}, not a Party branch or Party committee");
    public static readonly ImportMessage WithoutMembership = new(nameof(WithoutMembership), "is given without party_joined and party_branch");
    public static readonly ImportMessage MembershipHalf = new(nameof(MembershipHalf), "must not be empty when the other of party_branch and party_joined is given");
    public static readonly ImportMessage DiffersFromRow = new(nameof(DiffersFromRow), "differs from row {0} ('{1}'); every row of person {2} must agree");
    public static readonly ImportMessage SamePostAsRow = new(nameof(SamePostAsRow), "the same post (position_unit, position_title, position_from) as row {0}");

    public static readonly ImportMessage NotAWholeNumber = new(nameof(NotAWholeNumber), "'{0}' is not a whole number from {1} to {2}");
    public static readonly ImportMessage SameReferenceAsRow = new(nameof(SameReferenceAsRow), "register number {0} is also on row {1}; give each record one row");
    public static readonly ImportMessage SameKeyAsRow = new(nameof(SameKeyAsRow), "{0} is also on row {1}; give each record one row");
    public static readonly ImportMessage CaseDiffers = new(nameof(CaseDiffers), "register number {0} already exists with different {1}; an import does not rewrite a case's history");
    public static readonly ImportMessage DoesNotFitStatus = new(nameof(DoesNotFitStatus), "'{0}' does not fit status {1}");
    public static readonly ImportMessage RequiredForStatus = new(nameof(RequiredForStatus), "must not be empty for status {0}");
    public static readonly ImportMessage AfterToday = new(nameof(AfterToday), "{0} is after today ({1})");
    public static readonly ImportMessage RequiredWith = new(nameof(RequiredWith), "must not be empty when {0} is given");
    public static readonly ImportMessage PersonNotFound = new(nameof(PersonNotFound), "no person with code {0} holds a post or membership within your scope");
    public static readonly ImportMessage NotAnAppCode = new(nameof(NotAnAppCode), "'{0}' is not an app code: lower-case letters, digits and hyphens (ihanoi)");
    public static readonly ImportMessage NoDistrictLevelOn = new(nameof(NoDistrictLevelOn), "there is no district level on {0}: the districts ended on {1}; the level is province or commune");

    public static readonly ImportMessage NotAnIndexCode = new(nameof(NotAnIndexCode), "'{0}' is not an index code: capital letters, digits and hyphens, starting with a letter, such as HN-PAR-DISTRICT");
    public static readonly ImportMessage IndexCodeIsIndicator = new(nameof(IndexCodeIsIndicator), "{0} is an indicator's code; an index needs a code of its own");
    public static readonly ImportMessage NotAComponentCode = new(nameof(NotAComponentCode), "'{0}' is not a component code such as 1, 1.2 or 1.2.3");
    public static readonly ImportMessage NotAnIndicator = new(nameof(NotAnIndicator), "'{0}' is not an indicator code (GET /api/v1/indicators)");
    public static readonly ImportMessage NotAMaximum = new(nameof(NotAMaximum), "'{0}' is not a maximum score above 0 and at most 1000, with at most two decimals");
    public static readonly ImportMessage OnlyOnIndexRow = new(nameof(OnlyOnIndexRow), "is given only on the index's own row, whose component is empty");
    public static readonly ImportMessage IndexRowMissing = new(nameof(IndexRowMissing), "{0} {1} has no row of its own (component empty) with its name, owner and unit kinds");
    public static readonly ImportMessage IndexRowDiffers = new(nameof(IndexRowDiffers), "differs from row {0} ('{1}'); every year of index {2} in a file must agree");
    public static readonly ImportMessage ParentComponentMissing = new(nameof(ParentComponentMissing), "{0} {1} has no component {2}, the parent of {3}");
    public static readonly ImportMessage MaximaDoNotAdd = new(nameof(MaximaDoNotAdd), "the maxima of its parts ({0}) add up to {1}, not {2}");
    public static readonly ImportMessage ScoredComponentLeftOut = new(nameof(ScoredComponentLeftOut), "component {0} of {1} {2} has scores recorded; the file must keep it");
    public static readonly ImportMessage MaximumBelowScore = new(nameof(MaximumBelowScore), "a score of {0} is recorded for component {1}; its maximum cannot be lower");
    public static readonly ImportMessage IndexYearNotFound = new(nameof(IndexYearNotFound), "index {0} has no definition for {1}; import it first (import index)");
    public static readonly ImportMessage ComponentNotFound = new(nameof(ComponentNotFound), "index {0} has no component {1} in {2}");
    public static readonly ImportMessage NotAScore = new(nameof(NotAScore), "'{0}' is not a score from 0 to {1} (the component's maximum), with at most two decimals");
    public static readonly ImportMessage UnitNotScored = new(nameof(UnitNotScored), "{0} is a {1}; index {2} scores units of kind {3}");
    public static readonly ImportMessage PartsIncomplete = new(nameof(PartsIncomplete), "{0} is given for unit {1}, but not {2}: give every part of {3}, or none");
    public static readonly ImportMessage NotTheSum = new(nameof(NotTheSum), "{0} is not the sum of its parts ({1}), {2}");

    /// <summary>All messages, for checks that each is translated.</summary>
    public static IReadOnlyList<ImportMessage> All { get; } = typeof(ImportMessages).GetFields()
        .Where(f => f.FieldType == typeof(ImportMessage))
        .Select(f => (ImportMessage)f.GetValue(null)!)
        .ToArray();
}
