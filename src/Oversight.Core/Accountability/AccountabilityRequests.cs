using Oversight.Records;

namespace Oversight.Accountability;

// Requests as they arrive from a page or an imported row: text as given, checked field by field by
// AccountabilityRecords. Units are codes as of the record's own date; every unit a request names must lie within the
// caller's scope. Field errors name the parameter in camel case (issuedOn, targetUnits …).

/// <summary>A directive's own fields and the earlier directives it is applied with.</summary>
/// <param name="Symbol">Number and symbol, unique: <c>39-CT/HU</c>. It never changes once recorded.</param>
/// <param name="IssuingUnit">Code of the issuing body as a unit, as of <paramref name="IssuedOn"/>; only an administrator may leave it empty (a body outside the registry).</param>
/// <param name="IssuingBody">The issuing body as the directive names it.</param>
/// <param name="IssuedOn">YYYY-MM-DD.</param>
/// <param name="Title">The title. Required.</param>
/// <param name="Summary">What it asks, in a few lines; optional.</param>
/// <param name="DisseminationDueOn">The day by which units must have studied it; optional.</param>
/// <param name="AppliedWith">
/// Symbols of directives issued before this one that it is applied together with (39-CT/HU with 24-CT/TU); the link
/// is recorded on both, and an update makes this directive's links to earlier directives exactly these.
/// </param>
public sealed record DirectiveRequest(
    string? Symbol,
    string? IssuingUnit,
    string? IssuingBody,
    string? IssuedOn,
    string? Title,
    string? Summary = null,
    string? DisseminationDueOn = null,
    IReadOnlyList<string>? AppliedWith = null);

/// <summary>A unit taking part in a dissemination event: how many were invited and how many attended.</summary>
public sealed record AttendanceRequest(string? Unit, int? Invited, int? Attended)
{
    /// <summary>
    /// Entries written <c>unit:invited:attended</c> (<c>10015:120:118</c>), as imports and forms take them; an error
    /// on <c>attendance</c> for each entry that is not one.
    /// </summary>
    public static IReadOnlyList<AttendanceRequest> Parse(IEnumerable<string> entries, List<FieldError> errors)
    {
        var attendance = new List<AttendanceRequest>();
        foreach (var entry in entries)
        {
            var parts = entry.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length == 3 && parts[0].Length > 0 && Count(parts[1]) is { } invited && Count(parts[2]) is { } attended)
            {
                attendance.Add(new AttendanceRequest(parts[0], invited, attended));
            }
            else
            {
                errors.Add(RecordMessages.NotAnAttendance.For("attendance", entry));
            }
        }

        return attendance;

        static int? Count(string text) => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) ? count : null;
    }
}

/// <summary>A dissemination event with the directives it disseminated and the units taking part.</summary>
/// <param name="Reference">The register number, unique; it never changes once recorded.</param>
/// <param name="Organiser">Code of the organising unit, as of <paramref name="HeldOn"/>.</param>
/// <param name="HeldOn">YYYY-MM-DD.</param>
/// <param name="Online">Online rather than in person.</param>
/// <param name="Title">What the event was. Required.</param>
/// <param name="Directives">Symbols of the directives disseminated, at least one.</param>
/// <param name="Attendance">The units taking part (codes as of <paramref name="HeldOn"/>); on update the list replaces the old one.</param>
public sealed record DisseminationRequest(
    string? Reference,
    string? Organiser,
    string? HeldOn,
    bool Online,
    string? Title,
    IReadOnlyList<string>? Directives,
    IReadOnlyList<AttendanceRequest>? Attendance);

/// <summary>A member of an inspection team, by name as the decision lists them.</summary>
public sealed record TeamMemberRequest(string? Name, string? Role, bool IsLead)
{
    /// <summary>An entry written <c>Name (role)</c>, or a name alone, as imports and forms take it.</summary>
    public static TeamMemberRequest Parse(string entry, bool isLead)
    {
        var open = entry.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 && entry.EndsWith(')')
            ? new TeamMemberRequest(entry[..open], entry[(open + 2)..^1], isLead)
            : new TeamMemberRequest(entry, null, isLead);
    }
}

/// <summary>An inspection or supervision with its team and targets.</summary>
/// <param name="Reference">The register number, unique; it never changes once recorded.</param>
/// <param name="Kind"><c>regular</c>, <c>thematic</c>, <c>surprise</c> or <c>supervision</c>.</param>
/// <param name="DecidingUnit">Code of the body that decided it, as of <paramref name="DecidedOn"/>.</param>
/// <param name="DecisionNumber">The number of the decision that set it up; optional.</param>
/// <param name="DecidedOn">YYYY-MM-DD; units and members are resolved on this day.</param>
/// <param name="Title">What it looks at. Required.</param>
/// <param name="Directive">Symbol of the directive whose implementation it looks at; optional.</param>
/// <param name="PeriodFrom">First day of the period it looks at; optional.</param>
/// <param name="PeriodTo">Last day of that period; optional.</param>
/// <param name="ConcludedOn">The day of its conclusion; optional.</param>
/// <param name="Conclusion">The conclusion's text; optional.</param>
/// <param name="Team">The team; on update the list replaces the old one.</param>
/// <param name="TargetUnits">Codes of the units inspected, as of <paramref name="DecidedOn"/>.</param>
/// <param name="TargetOrganisations">Codes of the Party committees or branches inspected or supervised.</param>
/// <param name="TargetMembers">Person codes of the Party members supervised; each one's branch on <paramref name="DecidedOn"/> is recorded with them.</param>
public sealed record InspectionRequest(
    string? Reference,
    string? Kind,
    string? DecidingUnit,
    string? DecisionNumber,
    string? DecidedOn,
    string? Title,
    string? Directive = null,
    string? PeriodFrom = null,
    string? PeriodTo = null,
    string? ConcludedOn = null,
    string? Conclusion = null,
    IReadOnlyList<TeamMemberRequest>? Team = null,
    IReadOnlyList<string>? TargetUnits = null,
    IReadOnlyList<string>? TargetOrganisations = null,
    IReadOnlyList<string>? TargetMembers = null);

/// <summary>A disciplinary decision.</summary>
/// <param name="DecisionNumber">The decision's number, unique: <c>125-QĐ/UBKTHU</c>. It never changes once recorded.</param>
/// <param name="DecidedOn">YYYY-MM-DD; units and the member's status are resolved on this day.</param>
/// <param name="Body"><c>standing-committee</c>, <c>inspection-committee</c>, <c>party-cell</c> or <c>state-agency</c>.</param>
/// <param name="DecidingUnit">Code of the deciding body as a unit, as of <paramref name="DecidedOn"/>.</param>
/// <param name="Subject"><c>member</c>, <c>probationary-member</c> or <c>organisation</c>; a member's status on <paramref name="DecidedOn"/> must agree.</param>
/// <param name="SubjectPerson">The member's person code; only for a member.</param>
/// <param name="SubjectUnit">Code of the organisation disciplined, as of <paramref name="DecidedOn"/>; only for an organisation (a member's branch comes from the membership).</param>
/// <param name="Form">A form the rule pack allows for the subject (<c>discipline.forms.{subject}</c>).</param>
/// <param name="ViolationOn">YYYY-MM-DD; the statute of limitation runs from it.</param>
/// <param name="Summary">The violation, in a few lines; optional.</param>
/// <param name="SourceInspection">Register number of the inspection the decision came from; optional.</param>
/// <param name="Directive">Symbol of the directive whose appendix <paramref name="Manifestations"/> come from.</param>
/// <param name="Manifestations">Codes in that directive's appendix (<c>1.2</c>); on update the list replaces the old one.</param>
public sealed record DisciplineRequest(
    string? DecisionNumber,
    string? DecidedOn,
    string? Body,
    string? DecidingUnit,
    string? Subject,
    string? SubjectPerson,
    string? SubjectUnit,
    string? Form,
    string? ViolationOn,
    string? Summary = null,
    string? SourceInspection = null,
    string? Directive = null,
    IReadOnlyList<string>? Manifestations = null);

/// <summary>A rotation, transfer or periodic change of post.</summary>
/// <param name="Reference">The register number, unique; it never changes once recorded.</param>
/// <param name="Person">The person's code.</param>
/// <param name="Kind"><c>rotation</c>, <c>transfer</c> or <c>periodic-change</c>.</param>
/// <param name="PostKind"><c>leading-managerial</c>, <c>commune-vice-chairman</c>, <c>land-construction</c>, <c>school-manager</c> or <c>other</c>.</param>
/// <param name="FromUnit">Code of the unit of the post left, as of <paramref name="EffectiveOn"/>.</param>
/// <param name="FromTitle">The post left. Required.</param>
/// <param name="ToUnit">Code of the unit of the new post, as of <paramref name="EffectiveOn"/>.</param>
/// <param name="ToTitle">The new post. Required.</param>
/// <param name="EffectiveOn">YYYY-MM-DD.</param>
/// <param name="Reason"><c>under-directive</c>, <c>periodic-anti-corruption</c>, <c>planning</c> or <c>other</c>.</param>
/// <param name="DecidingUnit">Code of the body that decided it, as of <paramref name="EffectiveOn"/>.</param>
/// <param name="Directive">Symbol of the directive; required with reason <c>under-directive</c>, empty otherwise.</param>
/// <param name="DecisionNumber">The decision's number; optional.</param>
public sealed record PersonnelMoveRequest(
    string? Reference,
    string? Person,
    string? Kind,
    string? PostKind,
    string? FromUnit,
    string? FromTitle,
    string? ToUnit,
    string? ToTitle,
    string? EffectiveOn,
    string? Reason,
    string? DecidingUnit,
    string? Directive = null,
    string? DecisionNumber = null);

/// <summary>A task a directive sets; the directive and the task's number together are its key, so recording it again corrects it.</summary>
/// <param name="Directive">Symbol of the directive.</param>
/// <param name="Number">The task's number in the directive, from 1.</param>
/// <param name="Text">What the directive asks, as it words it. Required.</param>
/// <param name="DueOn">YYYY-MM-DD, the task's deadline, not before the directive was issued; optional.</param>
public sealed record DirectiveTaskRequest(string? Directive, int? Number, string? Text, string? DueOn);

/// <summary>A unit's study of a directive; the directive and the unit together are its key, so recording it again corrects it.</summary>
/// <param name="Directive">Symbol of the directive studied.</param>
/// <param name="Unit">Code of the unit, as of <paramref name="CompletedOn"/> (while not completed, as of the directive's dissemination deadline, or its issue day).</param>
/// <param name="CompletedOn">YYYY-MM-DD, not before the directive was issued; empty while the unit has not completed it.</param>
/// <param name="MembersReached">The cadres and Party members it reached; 0 when not given.</param>
public sealed record DisseminationCompletionRequest(string? Directive, string? Unit, string? CompletedOn, int? MembersReached);

/// <summary>An entry of a directive's appendix of manifestations; the directive and the code together are its key.</summary>
/// <param name="Directive">Symbol of the directive.</param>
/// <param name="Code">A group <c>1</c>, or an item <c>1.2</c> of a group already recorded.</param>
/// <param name="Text">The entry's text as the appendix words it. Required.</param>
public sealed record ManifestationRequest(string? Directive, string? Code, string? Text);

/// <summary>What an inspection found.</summary>
/// <param name="Inspection">Register number of the inspection; a finding stays with it (ignored on update).</param>
/// <param name="Target">
/// The unit code (as of the inspection's decision) or person code of one of the inspection's targets; empty for a
/// finding on the whole inspection.
/// </param>
/// <param name="Text">What was found. Required; the inspection, the target and the text together identify the finding.</param>
/// <param name="Manifestations">Codes in the appendix of the inspection's directive (<c>1.2</c>); on update the list replaces the old one.</param>
public sealed record FindingRequest(string? Inspection, string? Target, string? Text, IReadOnlyList<string>? Manifestations = null);

/// <summary>An inspection's conclusion.</summary>
/// <param name="ConcludedOn">YYYY-MM-DD, not before the decision and not after today; the tasks it set are due on or after it.</param>
/// <param name="Conclusion">The conclusion's text. Required.</param>
public sealed record ConclusionRequest(string? ConcludedOn, string? Conclusion);

/// <summary>A follow-up task set by an inspection's conclusion.</summary>
/// <param name="Reference">The register number, unique; empty on create gives one (<c>NV-{inspection}-01</c>). It never changes once recorded.</param>
/// <param name="Inspection">Register number of the concluded inspection that set it; a task stays with it.</param>
/// <param name="OwnerUnit">Code of the unit that must carry it out, as of the conclusion's day.</param>
/// <param name="Description">What must be done. Required.</param>
/// <param name="DueOn">YYYY-MM-DD, not before the conclusion.</param>
public sealed record FollowUpTaskRequest(string? Reference, string? Inspection, string? OwnerUnit, string? Description, string? DueOn);
