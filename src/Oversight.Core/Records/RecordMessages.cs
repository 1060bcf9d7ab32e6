using System.Globalization;
using Oversight.Text;

namespace Oversight.Records;

/// <summary>A kind of field error: its key, its English wording with <c>{0}</c>-style places and what kind of refusal it is.</summary>
public sealed record RecordMessage(string Key, string English, ErrorKind Kind = ErrorKind.Invalid)
{
    public FieldError For(string field, params object?[] values)
    {
        var arguments = values.Select(v => v switch
        {
            null => "…",
            DateOnly day => IsoDate.Format(day),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? string.Empty,
        }).ToArray();
        return new FieldError(field, Key, string.Format(CultureInfo.InvariantCulture, English, arguments), arguments, Kind);
    }
}

/// <summary>
/// Every message the write services answer with (the case workflow, the reception register, the accountability
/// records). Each has a translation under <c>RecordError.{Key}</c> for the pages.
/// </summary>
public static class RecordMessages
{
    public static readonly RecordMessage Required = new(nameof(Required), "must not be empty");
    public static readonly RecordMessage TooLong = new(nameof(TooLong), "is {0} characters long; at most {1} are allowed");
    public static readonly RecordMessage HiddenCharacters = new(nameof(HiddenCharacters), "contains control or text-direction characters (U+{0}); type or paste the text again");
    public static readonly RecordMessage NotOneOf = new(nameof(NotOneOf), "'{0}' is not one of: {1}");
    public static readonly RecordMessage NotADate = new(nameof(NotADate), "'{0}' is not a date in the form YYYY-MM-DD");
    public static readonly RecordMessage InTheFuture = new(nameof(InTheFuture), "{0} is after today ({1})");
    public static readonly RecordMessage BeforeStep = new(nameof(BeforeStep), "{0} is before {1}, when the case was last acted on");
    public static readonly RecordMessage UnitNotFound = new(nameof(UnitNotFound), "no unit you may act for has code {0} on {1}");
    public static readonly RecordMessage NotAPhone = new(nameof(NotAPhone), "is not a telephone number (digits, spaces, + . - ( ) only)");
    public static readonly RecordMessage OutOfRange = new(nameof(OutOfRange), "{0} is not between {1} and {2}");
    public static readonly RecordMessage ReferenceTaken = new(nameof(ReferenceTaken), "another case already has register number {0}");
    public static readonly RecordMessage SessionNotFound = new(nameof(SessionNotFound), "no reception session you may see has register number {0}");
    public static readonly RecordMessage CaseNotFound = new(nameof(CaseNotFound), "no case you may see has register number {0}");
    public static readonly RecordMessage NotAllowedNow = new(nameof(NotAllowedNow), "a case that is {0} cannot be {1}");
    public static readonly RecordMessage NoRule = new(nameof(NoRule), "no rule pack in force on {0} gives {1}");
    public static readonly RecordMessage NoMoreExtensions = new(nameof(NoMoreExtensions), "the time limit was already extended {0} time(s), the most {1} allows");
    public static readonly RecordMessage AssigneeNotFound = new(nameof(AssigneeNotFound), "no account {0} may handle cases of this unit");
    public static readonly RecordMessage ChangedMeanwhile = new(nameof(ChangedMeanwhile), "someone changed this record meanwhile; reload it and try again", ErrorKind.Stale);
    public static readonly RecordMessage DenunciationAssignedByLeader = new(nameof(DenunciationAssignedByLeader), "a denunciation is assigned by a leader of the handling unit or an administrator, and never by its assignee to themselves", ErrorKind.Forbidden);
    public static readonly RecordMessage RepeatNotEarlier = new(nameof(RepeatNotEarlier), "case {0} was received on {1}, not before this one");
    public static readonly RecordMessage SessionReferenceTaken = new(nameof(SessionReferenceTaken), "another reception session already has register number {0}");
    public static readonly RecordMessage MeetingReferenceTaken = new(nameof(MeetingReferenceTaken), "another dialogue meeting already has register number {0}");
    public static readonly RecordMessage PersonNotFound = new(nameof(PersonNotFound), "no person has code {0}");
    public static readonly RecordMessage TooManyFiles = new(nameof(TooManyFiles), "{0} files were attached; at most {1} are accepted at once");
    public static readonly RecordMessage FileEmpty = new(nameof(FileEmpty), "{0} is empty");
    public static readonly RecordMessage FileTooLarge = new(nameof(FileTooLarge), "{0} is {1} MB; the largest file accepted is {2} MB");
    public static readonly RecordMessage FileNotAccepted = new(nameof(FileNotAccepted), "{0} is not one of the kinds of file kept ({1}), or its contents do not match its name");
    public static readonly RecordMessage TaskDone = new(nameof(TaskDone), "the task was done on {0}; it takes no more progress");
    public static readonly RecordMessage TaskReported = new(nameof(TaskReported), "the task was reported done on {0}; it takes no more progress until the inspecting body returns the report");
    public static readonly RecordMessage TaskNotReported = new(nameof(TaskNotReported), "the task has not been reported done, or its report was already answered");
    public static readonly RecordMessage BeforeConclusion = new(nameof(BeforeConclusion), "{0} is before {1}, when the inspection was concluded");
    public static readonly RecordMessage DoneNotComplete = new(nameof(DoneNotComplete), "a done task is 100% complete, not {0}%");

    public static readonly RecordMessage AlreadyRecorded = new(nameof(AlreadyRecorded), "{0} is already recorded; correct that record instead");
    public static readonly RecordMessage DirectiveNotFound = new(nameof(DirectiveNotFound), "no directive has symbol {0}");
    public static readonly RecordMessage NotAnEarlierDirective = new(nameof(NotAnEarlierDirective), "{0} was not issued before this directive; record the link on {0}");
    public static readonly RecordMessage InspectionNotFound = new(nameof(InspectionNotFound), "no inspection you may see has register number {0}");
    public static readonly RecordMessage ManifestationNotFound = new(nameof(ManifestationNotFound), "directive {0} has no manifestation {1} in its appendix");
    public static readonly RecordMessage NotAnAttendance = new(nameof(NotAnAttendance), "'{0}' is not unit:invited:attended (10015:120:118)");
    public static readonly RecordMessage ListedTwice = new(nameof(ListedTwice), "{0} is listed twice");
    public static readonly RecordMessage AttendedOverInvited = new(nameof(AttendedOverInvited), "unit {0}: {1} attended, more than the {2} invited");
    public static readonly RecordMessage NotAPartyBody = new(nameof(NotAPartyBody), "{0} is not a Party committee or Party branch");
    public static readonly RecordMessage NotAMemberOn = new(nameof(NotAMemberOn), "{0} was not a Party member on {1}");
    public static readonly RecordMessage MemberStatusDiffers = new(nameof(MemberStatusDiffers), "{0} was {1} on {2}");
    public static readonly RecordMessage FormNotAllowed = new(nameof(FormNotAllowed), "{0} is not a form of discipline for {1}; allowed: {2}");
    public static readonly RecordMessage LimitationLapsed = new(nameof(LimitationLapsed), "the statute of limitation for {0} lapsed on {1}, before the decision of {2} ({3})");
    public static readonly RecordMessage BeforeDate = new(nameof(BeforeDate), "{0} is before {1} ({2})");
    public static readonly RecordMessage RequiredWhen = new(nameof(RequiredWhen), "must not be empty when {0} is {1}");
    public static readonly RecordMessage RequiredWith = new(nameof(RequiredWith), "must not be empty when {0} is given");
    public static readonly RecordMessage OnlyWhen = new(nameof(OnlyWhen), "must be empty unless {0} is {1}");
    public static readonly RecordMessage TargetHasFindings = new(nameof(TargetHasFindings), "target {0} has findings recorded and cannot be removed");
    public static readonly RecordMessage AppendixAdministratorsOnly = new(nameof(AppendixAdministratorsOnly), "only an administrator may enter a directive's appendix of manifestations");
    public static readonly RecordMessage NotAManifestationCode = new(nameof(NotAManifestationCode), "'{0}' is not a code of the appendix: a group (1) or an item of it (1.2)");
    public static readonly RecordMessage GroupNotFound = new(nameof(GroupNotFound), "directive {0} has no group {1} in its appendix; record the group first");
    public static readonly RecordMessage NotATarget = new(nameof(NotATarget), "{0} is not a target of inspection {1}");
    public static readonly RecordMessage NoDirectiveToCite = new(nameof(NoDirectiveToCite), "inspection {0} names no directive, so there is no appendix to cite");
    public static readonly RecordMessage NotConcluded = new(nameof(NotConcluded), "inspection {0} has no conclusion yet; follow-up tasks are set by a conclusion");
    public static readonly RecordMessage StaysWithInspection = new(nameof(StaysWithInspection), "it belongs to inspection {0} and cannot move to {1}");
    public static readonly RecordMessage ConclusionSetTasks = new(nameof(ConclusionSetTasks), "the conclusion set {0} follow-up task(s); it cannot be removed");
    public static readonly RecordMessage TaskBeforeConclusion = new(nameof(TaskBeforeConclusion), "follow-up task {0} is due, or has progress recorded, before {1}");
    public static readonly RecordMessage NotAFigure = new(nameof(NotAFigure), "'{0}' is not a figure as reports write it (81,1% or 11.300)");
    public static readonly RecordMessage IndicatorNotFound = new(nameof(IndicatorNotFound), "no indicator has code {0}");
    public static readonly RecordMessage IndicatorIsACount = new(nameof(IndicatorIsACount), "indicator {0} is a count; write the value without %");
    public static readonly RecordMessage IndicatorIsAPercentage = new(nameof(IndicatorIsAPercentage), "indicator {0} is a percentage; write the value with %");
    public static readonly RecordMessage BoundOnlyForCounts = new(nameof(BoundOnlyForCounts), "a percentage is compared exactly; more-than and at-least are for counts");
    public static readonly RecordMessage PartsOnlyForRates = new(nameof(PartsOnlyForRates), "a count has no numerator and denominator; give them only with a percentage");
    public static readonly RecordMessage NotAFraction = new(nameof(NotAFraction), "{0} of {1} is not a part of a whole (0 ≤ numerator ≤ denominator, denominator above 0)");
    public static readonly RecordMessage DocumentNotYours = new(nameof(DocumentNotYours), "this step of the document is not yours to take", ErrorKind.Forbidden);
    public static readonly RecordMessage DocumentNotNow = new(nameof(DocumentNotNow), "the document is {0}; this step is not open to it now");
    public static readonly RecordMessage DocumentAlreadyStarted = new(nameof(DocumentAlreadyStarted), "inspection {0} already has a document of this kind; open it instead");
    public static readonly RecordMessage ReportNotApproved = new(nameof(ReportNotApproved), "the delegation's report of inspection {0} is not approved yet; a conclusion notice is drawn from it");
    public static readonly RecordMessage NoUnitTarget = new(nameof(NoUnitTarget), "inspection {0} looks at no unit, so there are no figures to report");
    public static readonly RecordMessage NoRequests = new(nameof(NoRequests), "a conclusion notice sets at least one task; write its requests first");
    public static readonly RecordMessage DueBeforeIssue = new(nameof(DueBeforeIssue), "the deadline {0} is not after the day the notice is issued ({1})");
    public static readonly RecordMessage NoticeNotForCase = new(nameof(NoticeNotForCase), "a notice of kind {0} is not issued for a case of kind {1}");
    public static readonly RecordMessage NoticeNoCitizen = new(nameof(NoticeNoCitizen), "the case records no petitioner's name to address a notice to");
    public static readonly RecordMessage NoticeNotNow = new(nameof(NoticeNotNow), "a notice of kind {0} is not issued for a case that is {1}");
    public static readonly RecordMessage NoticeAlreadyIssued = new(nameof(NoticeAlreadyIssued), "the case already has its notice of kind {0}");
    public static readonly RecordMessage AppointmentBeforeIssue = new(nameof(AppointmentBeforeIssue), "the appointment {0} is before the day the slip is issued ({1})");

    /// <summary>All messages, for checks that each is translated.</summary>
    public static IReadOnlyList<RecordMessage> All { get; } = typeof(RecordMessages).GetFields()
        .Where(f => f.FieldType == typeof(RecordMessage))
        .Select(f => (RecordMessage)f.GetValue(null)!)
        .ToArray();
}
