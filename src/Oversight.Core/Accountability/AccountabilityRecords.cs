using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Petitions;
using Oversight.Rules;
using Oversight.Text;

namespace Oversight.Accountability;

/// <summary>
/// The write side of the accountability records: directives, dissemination events, inspections, discipline decisions
/// and personnel moves, created and corrected within the caller's scope. Every save is audited by the context; an
/// update that changes nothing writes nothing.
/// </summary>
/// <remarks>
/// <para>
/// Expected failures are values: field errors (named as the request's parameters), or <c>NotFound</c> when the record
/// does not exist for the caller. Every unit a request names is a code as of the record's own date and must lie
/// within the caller's scope, so an officer writes only records of their units; a record that crosses scopes (a move
/// to another district, a city inspection of a district) is written at the level that holds both. A record's key
/// (symbol, register or decision number) never changes once recorded. A correction made on a copy read before
/// someone else's is refused (<see cref="RecordEdits"/>). Saves join a transaction the caller opened on the context
/// (imports do, to write a whole file or nothing).
/// </para>
/// <para>
/// Discipline follows the rule packs: the form must be one the pack in force on the decision's day allows for the
/// subject (<c>discipline.forms.{subject}</c>), and a decision after the statute of limitation of its form
/// (<see cref="DisciplineLimitation"/>) is refused on <c>violationOn</c>, with the day it lapsed and the rule: it
/// would not be lawful, and a lapsed limitation is most often a mistyped date. Pages show <see cref="LimitationAsync"/>
/// before recording.
/// </para>
/// </remarks>
public sealed partial class AccountabilityRecords(OversightDbContext db, CallerScope scope, RuleBook rules, TimeProvider time)
{
    private const int KeyLength = 64;
    private const int MostPeople = 1_000_000;
    private const int ManifestationTextLength = 2000;
    private const int DirectiveTaskTextLength = 4000;

    /// <summary>The highest number a directive's task may have.</summary>
    public const int MostDirectiveTasks = 999;
    private const int FindingTextLength = 8000;

    private DateOnly Today => VietnamTime.Today(time);

    /// <summary>The forms of discipline the rule packs allow for a subject on a day.</summary>
    public async Task<AllowedForms> FormsAsync(DisciplineSubject subject, DateOnly on, CancellationToken cancellationToken = default) =>
        DisciplineForms.Allowed(await rules.GetAsync(db, cancellationToken), subject, on);

    /// <summary>The statute-of-limitation check a page shows before a decision is recorded.</summary>
    public async Task<LimitationCheck> LimitationAsync(DisciplineForm form, DateOnly violationOn, DateOnly decidedOn, CancellationToken cancellationToken = default) =>
        DisciplineLimitation.Check(await rules.GetAsync(db, cancellationToken), form, violationOn, decidedOn);

    // Directives

    public async Task<RecordResult<Directive>> CreateDirectiveAsync(DirectiveRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var symbol = await FreeKeyAsync(request.Symbol, "symbol", db.Directives.Select(d => d.Symbol), errors, cancellationToken);
        var fields = await CheckDirectiveAsync(request, symbol, errors, cancellationToken);
        if (errors.Count > 0 || fields is null || symbol is null)
        {
            return new(null, errors);
        }

        var directive = new Directive { Symbol = symbol, IssuingBody = fields.IssuingBody, Title = fields.Title };
        fields.ApplyTo(directive);
        db.Directives.Add(directive);
        await LinkDirectivesAsync(directive, fields.AppliedWith, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new(directive, [], Changed: true);
    }

    public async Task<RecordResult<Directive>> UpdateDirectiveAsync(Guid id, DirectiveRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var directive = await db.Directives.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (directive is null || !await MayWriteAsync(directive.IssuingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckDirectiveAsync(request, directive.Symbol, errors, cancellationToken);
        return await db.SaveEditAsync(directive, expectedStamp, errors, () =>
        {
            fields!.ApplyTo(directive);
            return LinkDirectivesAsync(directive, fields.AppliedWith, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>A directive the caller may change, by symbol; null when there is none.</summary>
    public async Task<Directive?> FindDirectiveAsync(string symbol, CancellationToken cancellationToken = default)
    {
        var directive = await db.Directives.AsNoTracking().FirstOrDefaultAsync(d => d.Symbol == VietnameseText.Normalize(symbol), cancellationToken);
        return directive is not null && await MayWriteAsync(directive.IssuingUnitId, cancellationToken) ? directive : null;
    }

    // The tasks a directive sets

    /// <summary>
    /// Records a task of a directive, or corrects its text and deadline: the directive and the number are its key.
    /// Written by those who may correct the directive (its issuing unit within their scope).
    /// </summary>
    public async Task<RecordResult<DirectiveTask>> RecordDirectiveTaskAsync(DirectiveTaskRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var directive = await RequiredDirectiveAsync(request.Directive, "directive", errors, cancellationToken);
        if (directive is not null && !await MayWriteAsync(directive.IssuingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        int? number = null;
        if (request.Number is null)
        {
            errors.Add(CaseMessages.Required.For("number"));
        }
        else
        {
            number = RequestFields.Count(request.Number, "number", 1, MostDirectiveTasks, errors);
        }

        var text = RequestFields.Text(request.Text, "text", DirectiveTaskTextLength, errors, required: true, multiline: true);
        var dueOn = OptionalDate(request.DueOn, "dueOn", errors);
        After(dueOn, "dueOn", directive?.IssuedOn, "issuedOn", errors);
        if (errors.Count > 0 || directive is null || number is null || text is null)
        {
            return new(null, errors);
        }

        var task = await db.Set<DirectiveTask>().FirstOrDefaultAsync(t => t.DirectiveId == directive.Id && t.Number == number, cancellationToken);
        return task is null
            ? await AddAsync(new DirectiveTask { DirectiveId = directive.Id, Number = number.Value, Text = text, DueOn = dueOn }, cancellationToken)
            : await db.SaveEditAsync(task, expectedStamp, errors, () => (task.Text, task.DueOn) = (text, dueOn), cancellationToken);
    }

    /// <summary>A task of a directive, by symbol and number; null when there is none.</summary>
    public Task<DirectiveTask?> FindDirectiveTaskAsync(string symbol, int number, CancellationToken cancellationToken = default) =>
        db.Set<DirectiveTask>().AsNoTracking().FirstOrDefaultAsync(
            t => t.Number == number && db.Directives.Any(d => d.Id == t.DirectiveId && d.Symbol == VietnameseText.Normalize(symbol)), cancellationToken);

    // The appendix of manifestations

    /// <summary>
    /// Records an entry of a directive's appendix, or corrects its text: the directive and the code are its key. An
    /// item's group (<c>1</c> for <c>1.2</c>) must be recorded first. Administrators only: the appendix is the
    /// directive's own text, shared by every unit that cites it.
    /// </summary>
    /// <remarks>
    /// Entering the appendix through this method marks the directive's catalogue as its real text
    /// (<see cref="Directive.CatalogueIsIllustrative"/> false), as the demo's illustrative catalogue is never entered
    /// this way. Entries are never deleted: findings and decisions cite them.
    /// </remarks>
    public async Task<RecordResult<Manifestation>> RecordManifestationAsync(ManifestationRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        if (!(await scope.FilterAsync(cancellationToken)).IsEverything)
        {
            return new(null, [CaseMessages.AppendixAdministratorsOnly.For(string.Empty)]);
        }

        var errors = new List<FieldError>();
        var directive = await RequiredDirectiveAsync(request.Directive, "directive", errors, cancellationToken);
        var code = ManifestationCode(request.Code, errors);
        var text = RequestFields.Text(request.Text, "text", ManifestationTextLength, errors, required: true);
        if (directive is not null && code?.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot
            && !await db.Manifestations.AnyAsync(m => m.DirectiveId == directive.Id && m.Code == code.Substring(0, dot), cancellationToken))
        {
            errors.Add(CaseMessages.GroupNotFound.For("code", directive.Symbol, code[..dot]));
        }

        if (errors.Count > 0 || directive is null || code is null || text is null)
        {
            return new(null, errors);
        }

        directive.CatalogueIsIllustrative = false;
        var entry = await db.Manifestations.FirstOrDefaultAsync(m => m.DirectiveId == directive.Id && m.Code == code, cancellationToken);
        return entry is null
            ? await AddAsync(new Manifestation { DirectiveId = directive.Id, Code = code, Text = text }, cancellationToken)
            : await db.SaveEditAsync(entry, expectedStamp, errors, () => entry.Text = text, cancellationToken);
    }

    /// <summary>An entry of a directive's appendix, by symbol and code; null when there is none.</summary>
    public Task<Manifestation?> FindManifestationAsync(string symbol, string code, CancellationToken cancellationToken = default) =>
        db.Manifestations.AsNoTracking().FirstOrDefaultAsync(
            m => m.Code == VietnameseText.Normalize(code) && db.Directives.Any(d => d.Id == m.DirectiveId && d.Symbol == VietnameseText.Normalize(symbol)), cancellationToken);

    // Dissemination events

    public async Task<RecordResult<DisseminationEvent>> CreateDisseminationAsync(DisseminationRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var reference = await FreeKeyAsync(request.Reference, "reference", db.DisseminationEvents.Select(e => e.Reference), errors, cancellationToken);
        var fields = await CheckDisseminationAsync(request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null || reference is null)
        {
            return new(null, errors);
        }

        var dissemination = new DisseminationEvent { Reference = reference, Title = fields.Title };
        fields.ApplyTo(dissemination, db);
        return await AddAsync(dissemination, cancellationToken);
    }

    public async Task<RecordResult<DisseminationEvent>> UpdateDisseminationAsync(Guid id, DisseminationRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var dissemination = await db.DisseminationEvents.Include(e => e.Directives).Include(e => e.Attendance).AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (dissemination is null || !await MayWriteAsync(dissemination.OrganiserUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckDisseminationAsync(request, errors, cancellationToken);
        return await CorrectAsync(dissemination, expectedStamp, fields, errors, f => f.ApplyTo(dissemination, db), cancellationToken);
    }

    /// <summary>A dissemination event the caller may change, by register number; null when there is none.</summary>
    public async Task<DisseminationEvent?> FindDisseminationAsync(string reference, CancellationToken cancellationToken = default)
    {
        var dissemination = await db.DisseminationEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Reference == VietnameseText.Normalize(reference), cancellationToken);
        return dissemination is not null && await MayWriteAsync(dissemination.OrganiserUnitId, cancellationToken) ? dissemination : null;
    }

    // Study completed per unit

    /// <summary>
    /// Records a unit's study of a directive, or corrects it: the directive and the unit are its key. The unit is
    /// resolved on the day completed (while not completed, on the directive's dissemination deadline, or its issue
    /// day) and must lie within the caller's scope.
    /// </summary>
    public async Task<RecordResult<DisseminationCompletion>> RecordCompletionAsync(DisseminationCompletionRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var completedOn = RequestFields.OptionalPastDate(request.CompletedOn, "completedOn", Today, errors);
        var membersReached = RequestFields.Count(request.MembersReached, "membersReached", 0, MostPeople, errors);
        var directive = await RequiredDirectiveAsync(request.Directive, "directive", errors, cancellationToken);
        After(completedOn, "completedOn", directive?.IssuedOn, "issuedOn", errors);
        var day = completedOn is null && !string.IsNullOrWhiteSpace(request.CompletedOn) ? null : completedOn ?? directive?.DisseminationDueOn ?? directive?.IssuedOn;
        var unit = await RequestFields.UnitAsync(scope, request.Unit, "unit", day, errors, cancellationToken);
        if (errors.Count > 0 || directive is null || unit is null)
        {
            return new(null, errors);
        }

        var completion = await db.DisseminationCompletions.FirstOrDefaultAsync(c => c.DirectiveId == directive.Id && c.UnitId == unit.Id, cancellationToken);
        return completion is null
            ? await AddAsync(new DisseminationCompletion { DirectiveId = directive.Id, UnitId = unit.Id, CompletedOn = completedOn, MembersReached = membersReached!.Value }, cancellationToken)
            : await db.SaveEditAsync(completion, expectedStamp, errors, () => (completion.CompletedOn, completion.MembersReached) = (completedOn, membersReached!.Value), cancellationToken);
    }

    /// <summary>
    /// A unit's study of a directive, the unit being one within the caller's scope and its code resolved as
    /// <see cref="RecordCompletionAsync"/> resolves it; null when none is recorded.
    /// </summary>
    public async Task<DisseminationCompletion?> FindCompletionAsync(string symbol, string unitCode, DateOnly? completedOn, CancellationToken cancellationToken = default)
    {
        var directive = await db.Directives.AsNoTracking().FirstOrDefaultAsync(d => d.Symbol == VietnameseText.Normalize(symbol), cancellationToken);
        var unit = directive is null
            ? null
            : await RequestFields.UnitAsync(scope, unitCode, "unit", completedOn ?? directive.DisseminationDueOn ?? directive.IssuedOn, [], cancellationToken);
        return unit is null
            ? null
            : await db.DisseminationCompletions.AsNoTracking().FirstOrDefaultAsync(c => c.DirectiveId == directive!.Id && c.UnitId == unit.Id, cancellationToken);
    }

    // Inspections

    public async Task<RecordResult<Inspection>> CreateInspectionAsync(InspectionRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var reference = await FreeKeyAsync(request.Reference, "reference", db.Inspections.Select(i => i.Reference), errors, cancellationToken);
        var fields = await CheckInspectionAsync(null, request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null || reference is null)
        {
            return new(null, errors);
        }

        var inspection = new Inspection { Reference = reference, Title = fields.Title };
        fields.ApplyTo(inspection, db);
        return await AddAsync(inspection, cancellationToken);
    }

    /// <summary>Corrects an inspection; its team and targets become those of the request (a target with findings cannot be dropped).</summary>
    public async Task<RecordResult<Inspection>> UpdateInspectionAsync(Guid id, InspectionRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var inspection = await db.Inspections.Include(i => i.Team).Include(i => i.Targets).AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inspection is null || !await MayWriteAsync(inspection.DecidingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckInspectionAsync(id, request, errors, cancellationToken);
        var withFindings = await db.Findings.Where(f => f.InspectionId == id && f.TargetId != null).Select(f => f.TargetId!.Value).ToListAsync(cancellationToken);
        foreach (var dropped in inspection.Targets.Where(t => withFindings.Contains(t.Id) && fields?.Targets.Contains((t.Kind, t.UnitId, t.PersonId)) == false))
        {
            errors.Add(CaseMessages.TargetHasFindings.For(TargetField(dropped.Kind), await TargetNameAsync(dropped, inspection.DecidedOn, cancellationToken)));
        }

        return await CorrectAsync(inspection, expectedStamp, fields, errors, f => f.ApplyTo(inspection, db), cancellationToken);
    }

    /// <summary>An inspection the caller may change, by register number; null when there is none.</summary>
    public async Task<Inspection?> FindInspectionAsync(string reference, CancellationToken cancellationToken = default)
    {
        var inspection = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.Reference == VietnameseText.Normalize(reference), cancellationToken);
        return inspection is not null && await MayWriteAsync(inspection.DecidingUnitId, cancellationToken) ? inspection : null;
    }

    /// <summary>
    /// Records or corrects an inspection's conclusion. The follow-up tasks it already set must stay due on or after
    /// it, with no progress before it.
    /// </summary>
    public async Task<RecordResult<Inspection>> ConcludeAsync(Guid inspectionId, ConclusionRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var inspection = await db.Inspections.FirstOrDefaultAsync(i => i.Id == inspectionId, cancellationToken);
        if (inspection is null || !await MayWriteAsync(inspection.DecidingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var conclusion = await CheckConclusionAsync(inspection.Id, request, inspection.DecidedOn, required: true, errors, cancellationToken);
        return await CorrectAsync(inspection, expectedStamp, conclusion, errors, c => (inspection.ConcludedOn, inspection.Conclusion) = c, cancellationToken);
    }

    // Findings

    /// <summary>Records a finding of an inspection the caller may change; the inspection, target and text must not be recorded yet.</summary>
    public async Task<RecordResult<Finding>> CreateFindingAsync(FindingRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var inspection = await InspectionAsync(request.Inspection, "inspection", errors, cancellationToken, required: true);
        var fields = inspection is null ? null : await CheckFindingAsync(inspection, null, request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null)
        {
            return new(null, errors);
        }

        var finding = new Finding { InspectionId = inspection!.Id, Text = fields.Text };
        fields.ApplyTo(finding, db);
        return await AddAsync(finding, cancellationToken);
    }

    /// <summary>Corrects a finding's target, text and manifestations; it stays with its inspection.</summary>
    public async Task<RecordResult<Finding>> UpdateFindingAsync(Guid id, FindingRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var finding = await db.Findings.Include(f => f.Manifestations).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        var inspection = finding is null ? null : await db.Inspections.AsNoTracking().FirstAsync(i => i.Id == finding.InspectionId, cancellationToken);
        if (inspection is null || !await MayWriteAsync(inspection.DecidingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckFindingAsync(inspection, id, request, errors, cancellationToken);
        return await CorrectAsync(finding!, expectedStamp, fields, errors, f => f.ApplyTo(finding!, db), cancellationToken);
    }

    /// <summary>A finding of an inspection the caller may change, by its target (empty: the whole inspection) and text; null when there is none.</summary>
    public async Task<Finding?> FindFindingAsync(string inspectionReference, string? target, string text, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var inspection = await FindInspectionAsync(inspectionReference, cancellationToken);
        var targetId = inspection is null ? null : await TargetIdAsync(inspection, target, errors, cancellationToken);
        var wording = RequestFields.Text(text, "text", FindingTextLength, errors, required: true, multiline: true);
        return inspection is null || errors.Count > 0
            ? null
            : await db.Findings.AsNoTracking().FirstOrDefaultAsync(f => f.InspectionId == inspection.Id && f.TargetId == targetId && f.Text == wording, cancellationToken);
    }

    // Follow-up tasks

    /// <summary>
    /// Records a task set by the conclusion of an inspection the caller may change, for a unit within the caller's
    /// scope; an empty reference gets the inspection's next number (<c>NV-{inspection}-01</c>).
    /// </summary>
    public async Task<RecordResult<FollowUpTask>> CreateTaskAsync(FollowUpTaskRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var reference = VietnameseText.Normalize(request.Reference) is null
            ? null
            : await FreeKeyAsync(request.Reference, "reference", db.FollowUpTasks.Select(t => t.Reference), errors, cancellationToken);
        var inspection = await InspectionAsync(request.Inspection, "inspection", errors, cancellationToken, required: true);
        var fields = await CheckTaskAsync(inspection, request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null)
        {
            return new(null, errors);
        }

        var task = new FollowUpTask
        {
            Reference = reference ?? await NewTaskReferenceAsync(inspection!, cancellationToken),
            InspectionId = inspection!.Id,
            Description = fields.Description,
        };
        fields.ApplyTo(task);
        return await AddAsync(task, cancellationToken);
    }

    /// <summary>Corrects a task's owner, description and deadline; it stays with its inspection, and its progress is left as it is.</summary>
    public async Task<RecordResult<FollowUpTask>> UpdateTaskAsync(Guid id, FollowUpTaskRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        var inspection = task is null ? null : await db.Inspections.AsNoTracking().FirstAsync(i => i.Id == task.InspectionId, cancellationToken);
        if (task is null || inspection is null || !await MayWriteTaskAsync(task.OwnerUnitId, inspection.DecidingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        StaysWith(request.Inspection, inspection, errors);
        var fields = await CheckTaskAsync(inspection, request, errors, cancellationToken);
        return await CorrectAsync(task, expectedStamp, fields, errors, f => f.ApplyTo(task), cancellationToken);
    }

    /// <summary>A task the caller may change (its owner unit and its inspection within scope), by register number; null when there is none.</summary>
    public async Task<FollowUpTask?> FindTaskAsync(string reference, CancellationToken cancellationToken = default)
    {
        var task = await db.FollowUpTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Reference == VietnameseText.Normalize(reference), cancellationToken);
        return task is not null
            && await MayWriteTaskAsync(task.OwnerUnitId, await db.Inspections.Where(i => i.Id == task.InspectionId).Select(i => i.DecidingUnitId).FirstAsync(cancellationToken), cancellationToken)
            ? task
            : null;
    }

    // Discipline decisions

    public async Task<RecordResult<DisciplineDecision>> CreateDecisionAsync(DisciplineRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var number = await FreeKeyAsync(request.DecisionNumber, "decisionNumber", db.DisciplineDecisions.Select(d => d.DecisionNumber), errors, cancellationToken);
        var fields = await CheckDecisionAsync(request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null || number is null)
        {
            return new(null, errors);
        }

        var decision = new DisciplineDecision { DecisionNumber = number };
        fields.ApplyTo(decision, db);
        return await AddAsync(decision, cancellationToken);
    }

    public async Task<RecordResult<DisciplineDecision>> UpdateDecisionAsync(Guid id, DisciplineRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var decision = await db.DisciplineDecisions.Include(d => d.Manifestations).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null || !await MayWriteAsync(decision.DecidingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckDecisionAsync(request, errors, cancellationToken);
        return await CorrectAsync(decision, expectedStamp, fields, errors, f => f.ApplyTo(decision, db), cancellationToken);
    }

    /// <summary>A decision the caller may change, by its number; null when there is none.</summary>
    public async Task<DisciplineDecision?> FindDecisionAsync(string decisionNumber, CancellationToken cancellationToken = default)
    {
        var decision = await db.DisciplineDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.DecisionNumber == VietnameseText.Normalize(decisionNumber), cancellationToken);
        return decision is not null && await MayWriteAsync(decision.DecidingUnitId, cancellationToken) ? decision : null;
    }

    // Personnel moves

    public async Task<RecordResult<PersonnelMove>> CreateMoveAsync(PersonnelMoveRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var reference = await FreeKeyAsync(request.Reference, "reference", db.PersonnelMoves.Select(m => m.Reference), errors, cancellationToken);
        var fields = await CheckMoveAsync(request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null || reference is null)
        {
            return new(null, errors);
        }

        var move = new PersonnelMove { Reference = reference, FromTitle = fields.FromTitle, ToTitle = fields.ToTitle };
        fields.ApplyTo(move);
        return await AddAsync(move, cancellationToken);
    }

    public async Task<RecordResult<PersonnelMove>> UpdateMoveAsync(Guid id, PersonnelMoveRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var move = await db.PersonnelMoves.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (move is null || !await MayWriteAsync(move.FromUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckMoveAsync(request, errors, cancellationToken);
        return await CorrectAsync(move, expectedStamp, fields, errors, f => f.ApplyTo(move), cancellationToken);
    }

    /// <summary>A move the caller may change, by register number; null when there is none.</summary>
    public async Task<PersonnelMove?> FindMoveAsync(string reference, CancellationToken cancellationToken = default)
    {
        var move = await db.PersonnelMoves.AsNoTracking().FirstOrDefaultAsync(m => m.Reference == VietnameseText.Normalize(reference), cancellationToken);
        return move is not null && await MayWriteAsync(move.FromUnitId, cancellationToken) ? move : null;
    }

    // Checks

    private sealed record DirectiveFields(Guid? IssuingUnitId, string IssuingBody, DateOnly IssuedOn, string Title, string? Summary, DateOnly? DueOn, IReadOnlySet<Guid> AppliedWith)
    {
        public void ApplyTo(Directive directive)
        {
            directive.IssuingUnitId = IssuingUnitId;
            directive.IssuingBody = IssuingBody;
            directive.IssuedOn = IssuedOn;
            directive.Title = Title;
            directive.Summary = Summary;
            directive.DisseminationDueOn = DueOn;
        }
    }

    private async Task<DirectiveFields?> CheckDirectiveAsync(DirectiveRequest request, string? symbol, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var issuedOn = RequestFields.PastDate(request.IssuedOn, "issuedOn", Today, errors);
        var issuingBody = RequestFields.Text(request.IssuingBody, "issuingBody", 300, errors, required: true);
        var title = RequestFields.Text(request.Title, "title", 500, errors, required: true);
        var summary = RequestFields.Text(request.Summary, "summary", 4000, errors, required: false, multiline: true);
        var dueOn = OptionalDate(request.DisseminationDueOn, "disseminationDueOn", errors);
        After(dueOn, "disseminationDueOn", issuedOn, "issuedOn", errors);
        var unit = await RequestFields.UnitAsync(scope, request.IssuingUnit, "issuingUnit", issuedOn, errors, cancellationToken, required: false);
        if (VietnameseText.Normalize(request.IssuingUnit) is null && !(await scope.FilterAsync(cancellationToken)).IsEverything)
        {
            errors.Add(CaseMessages.Required.For("issuingUnit"));
        }

        var appliedWith = new HashSet<Guid>();
        var symbols = RequestFields.List(request.AppliedWith);
        var others = await db.Directives.AsNoTracking().Where(d => symbols.Contains(d.Symbol)).Select(d => new { d.Id, d.Symbol, d.IssuedOn }).ToListAsync(cancellationToken);
        foreach (var other in symbols)
        {
            var found = others.FirstOrDefault(d => d.Symbol == other);
            if (found is null)
            {
                errors.Add(CaseMessages.DirectiveNotFound.For("appliedWith", other));
            }
            else if (issuedOn is { } day && symbol is not null && !Earlier(found.IssuedOn, found.Symbol, day, symbol))
            {
                errors.Add(CaseMessages.NotAnEarlierDirective.For("appliedWith", other));
            }
            else
            {
                appliedWith.Add(found.Id);
            }
        }

        return errors.Count > 0 ? null : new DirectiveFields(unit?.Id, issuingBody!, issuedOn!.Value, title!, summary, dueOn, appliedWith);
    }

    /// <summary>Directives are ordered by issue date, then symbol; a link belongs to the later one.</summary>
    private static bool Earlier(DateOnly issuedOn, string symbol, DateOnly thanIssuedOn, string thanSymbol) =>
        issuedOn < thanIssuedOn || (issuedOn == thanIssuedOn && string.CompareOrdinal(symbol, thanSymbol) < 0);

    /// <summary>Makes the directive's links to earlier directives exactly <paramref name="earlier"/>, on both sides, touching only those that change.</summary>
    private async Task LinkDirectivesAsync(Directive directive, IReadOnlySet<Guid> earlier, CancellationToken cancellationToken)
    {
        var links = db.Set<DirectiveLink>();
        var current = await links.Where(l => l.DirectiveId == directive.Id || l.OtherDirectiveId == directive.Id).ToListAsync(cancellationToken);
        var linked = current.Select(l => l.DirectiveId == directive.Id ? l.OtherDirectiveId : l.DirectiveId).ToHashSet();
        var dates = await db.Directives.AsNoTracking().Where(d => linked.Contains(d.Id)).Select(d => new { d.Id, d.Symbol, d.IssuedOn }).ToListAsync(cancellationToken);
        var managed = dates.Where(d => Earlier(d.IssuedOn, d.Symbol, directive.IssuedOn, directive.Symbol)).Select(d => d.Id).ToHashSet();
        links.RemoveRange(current.Where(l => managed.Contains(l.DirectiveId) || managed.Contains(l.OtherDirectiveId))
            .Where(l => !earlier.Contains(l.DirectiveId == directive.Id ? l.OtherDirectiveId : l.DirectiveId)));
        foreach (var other in earlier.Where(other => !linked.Contains(other)))
        {
            links.Add(new DirectiveLink { DirectiveId = directive.Id, OtherDirectiveId = other });
            links.Add(new DirectiveLink { DirectiveId = other, OtherDirectiveId = directive.Id });
        }
    }

    private sealed record DisseminationFields(Guid OrganiserId, DateOnly HeldOn, bool Online, string Title, IReadOnlySet<Guid> Directives, IReadOnlyDictionary<Guid, (int Invited, int Attended)> Attendance)
    {
        public void ApplyTo(DisseminationEvent dissemination, OversightDbContext db)
        {
            dissemination.OrganiserUnitId = OrganiserId;
            dissemination.HeldOn = HeldOn;
            dissemination.Online = Online;
            dissemination.Title = Title;
            Relink(dissemination.Directives, Directives, d => d.DirectiveId, id => new DisseminationDirective { EventId = dissemination.Id, DirectiveId = id }, db);

            foreach (var gone in dissemination.Attendance.Where(a => !Attendance.ContainsKey(a.UnitId)).ToList())
            {
                dissemination.Attendance.Remove(gone);
                db.Remove(gone);
            }

            foreach (var (unit, (invited, attended)) in Attendance)
            {
                var line = dissemination.Attendance.FirstOrDefault(a => a.UnitId == unit);
                if (line is null)
                {
                    line = new DisseminationAttendance { EventId = dissemination.Id, UnitId = unit };
                    dissemination.Attendance.Add(line);
                }

                line.Invited = invited;
                line.Attended = attended;
            }
        }
    }

    private async Task<DisseminationFields?> CheckDisseminationAsync(DisseminationRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var heldOn = RequestFields.PastDate(request.HeldOn, "heldOn", Today, errors);
        var title = RequestFields.Text(request.Title, "title", 500, errors, required: true);
        var organiser = await RequestFields.UnitAsync(scope, request.Organiser, "organiser", heldOn, errors, cancellationToken);
        var directives = await DirectiveIdsAsync(request.Directives, "directives", errors, cancellationToken);
        if (directives.Count == 0 && RequestFields.List(request.Directives).Count == 0)
        {
            errors.Add(CaseMessages.Required.For("directives"));
        }

        var attendance = new Dictionary<Guid, (int, int)>();
        foreach (var line in request.Attendance ?? [])
        {
            var unit = await RequestFields.UnitAsync(scope, line.Unit, "attendance", heldOn, errors, cancellationToken);
            var invited = RequestFields.Count(line.Invited, "attendance", 0, MostPeople, errors);
            var attended = RequestFields.Count(line.Attended, "attendance", 0, MostPeople, errors);
            if (attended > invited)
            {
                errors.Add(CaseMessages.AttendedOverInvited.For("attendance", unit?.Code ?? line.Unit, attended, invited));
            }
            else if (unit is not null && !attendance.TryAdd(unit.Id, (invited ?? 0, attended ?? 0)))
            {
                errors.Add(CaseMessages.ListedTwice.For("attendance", unit.Code));
            }
        }

        return errors.Count > 0 ? null : new DisseminationFields(organiser!.Id, heldOn!.Value, request.Online, title!, directives, attendance);
    }

    private sealed record InspectionFields(
        InspectionKind Kind, Guid DecidingUnitId, string? DecisionNumber, DateOnly DecidedOn, string Title, Guid? DirectiveId,
        DateOnly? PeriodFrom, DateOnly? PeriodTo, DateOnly? ConcludedOn, string? Conclusion,
        IReadOnlyList<(string Name, string? Role, bool IsLead)> Team, IReadOnlySet<(TargetKind Kind, Guid? UnitId, Guid? PersonId)> Targets)
    {
        public void ApplyTo(Inspection inspection, OversightDbContext db)
        {
            inspection.Kind = Kind;
            inspection.DecidingUnitId = DecidingUnitId;
            inspection.DecisionNumber = DecisionNumber;
            inspection.DecidedOn = DecidedOn;
            inspection.Title = Title;
            inspection.DirectiveId = DirectiveId;
            inspection.PeriodFrom = PeriodFrom;
            inspection.PeriodTo = PeriodTo;
            inspection.ConcludedOn = ConcludedOn;
            inspection.Conclusion = Conclusion;
            foreach (var gone in inspection.Team.Where(m => !Team.Contains((m.Name, m.Role, m.IsLead))).ToList())
            {
                inspection.Team.Remove(gone);
                db.Remove(gone);
            }

            foreach (var (name, role, isLead) in Team.Where(m => !inspection.Team.Any(t => (t.Name, t.Role, t.IsLead) == m)))
            {
                inspection.Team.Add(new TeamMember { InspectionId = inspection.Id, Name = name, Role = role, IsLead = isLead });
            }

            foreach (var gone in inspection.Targets.Where(t => !Targets.Contains((t.Kind, t.UnitId, t.PersonId))).ToList())
            {
                inspection.Targets.Remove(gone);
                db.Remove(gone);
            }

            foreach (var (kind, unit, person) in Targets.Where(t => !inspection.Targets.Any(i => (i.Kind, i.UnitId, i.PersonId) == t)))
            {
                inspection.Targets.Add(new InspectionTarget { InspectionId = inspection.Id, Kind = kind, UnitId = unit, PersonId = person });
            }
        }
    }

    private async Task<InspectionFields?> CheckInspectionAsync(Guid? id, InspectionRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var kind = RequestFields.Parse<InspectionKind>(request.Kind, "kind", errors);
        var decidedOn = RequestFields.PastDate(request.DecidedOn, "decidedOn", Today, errors);
        var decisionNumber = RequestFields.Text(request.DecisionNumber, "decisionNumber", KeyLength, errors, required: false);
        var title = RequestFields.Text(request.Title, "title", 500, errors, required: true);
        var periodFrom = OptionalDate(request.PeriodFrom, "periodFrom", errors);
        var periodTo = OptionalDate(request.PeriodTo, "periodTo", errors);
        After(periodTo, "periodTo", periodFrom, "periodFrom", errors);
        var (concludedOn, conclusion) = await CheckConclusionAsync(id, new ConclusionRequest(request.ConcludedOn, request.Conclusion), decidedOn, required: false, errors, cancellationToken);
        var decidingUnit = await RequestFields.UnitAsync(scope, request.DecidingUnit, "decidingUnit", decidedOn, errors, cancellationToken);
        var directive = await DirectiveIdAsync(request.Directive, "directive", errors, cancellationToken);

        var team = new List<(string, string?, bool)>();
        foreach (var member in request.Team ?? [])
        {
            var name = RequestFields.Text(member.Name, "team", 200, errors, required: true);
            var role = RequestFields.Text(member.Role, "team", 300, errors, required: false);
            if (name is not null && team.Any(m => m.Item1 == name))
            {
                errors.Add(CaseMessages.ListedTwice.For("team", name));
            }
            else if (name is not null)
            {
                team.Add((name, role, member.IsLead));
            }
        }

        var targets = new HashSet<(TargetKind, Guid?, Guid?)>();
        void Target(TargetKind kind, Guid? unit, Guid? person, string field, string code)
        {
            if (!targets.Add((kind, unit, person)))
            {
                errors.Add(CaseMessages.ListedTwice.For(field, code));
            }
        }

        foreach (var code in RequestFields.List(request.TargetUnits))
        {
            if (await RequestFields.UnitAsync(scope, code, "targetUnits", decidedOn, errors, cancellationToken) is { } unit)
            {
                Target(TargetKind.Unit, unit.Id, null, "targetUnits", code);
            }
        }

        foreach (var code in RequestFields.List(request.TargetOrganisations))
        {
            if (await PartyBodyAsync(code, "targetOrganisations", decidedOn, errors, cancellationToken) is { } organisation)
            {
                Target(TargetKind.PartyOrganisation, organisation.Id, null, "targetOrganisations", code);
            }
        }

        foreach (var code in RequestFields.List(request.TargetMembers))
        {
            if (decidedOn is { } day && await MemberAsync(code, "targetMembers", day, errors, cancellationToken) is { } member)
            {
                Target(TargetKind.PartyMember, member.Membership.BranchId, member.PersonId, "targetMembers", code);
            }
        }

        return errors.Count > 0
            ? null
            : new InspectionFields(kind!.Value, decidingUnit!.Id, decisionNumber, decidedOn!.Value, title!, directive,
                periodFrom, periodTo, concludedOn, conclusion, team, targets);
    }

    private static string TargetField(TargetKind kind) => kind switch
    {
        TargetKind.Unit => "targetUnits",
        TargetKind.PartyOrganisation => "targetOrganisations",
        _ => "targetMembers",
    };

    private async Task<string> TargetNameAsync(InspectionTarget target, DateOnly on, CancellationToken cancellationToken) => target.PersonId is { } person
        ? await db.People.Where(p => p.Id == person).Select(p => p.Code).FirstAsync(cancellationToken)
        : (await scope.GraphAsync(cancellationToken)).At(target.UnitId!.Value, on)?.Code ?? string.Empty;

    /// <summary>
    /// An inspection's conclusion (required for <see cref="ConcludeAsync"/>, optional on the inspection's own form):
    /// not before the decision, and, for a recorded inspection, not after the deadline or progress of a task it set;
    /// a conclusion that set tasks cannot be removed.
    /// </summary>
    private async Task<(DateOnly? ConcludedOn, string? Conclusion)> CheckConclusionAsync(
        Guid? inspectionId, ConclusionRequest request, DateOnly? decidedOn, bool required, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var before = errors.Count;
        var concludedOn = required
            ? RequestFields.PastDate(request.ConcludedOn, "concludedOn", Today, errors)
            : RequestFields.OptionalPastDate(request.ConcludedOn, "concludedOn", Today, errors);
        After(concludedOn, "concludedOn", decidedOn, "decidedOn", errors);
        var conclusion = RequestFields.Text(request.Conclusion, "conclusion", 8000, errors, required, multiline: true);
        if (inspectionId is { } id && errors.Count == before)
        {
            var tasks = db.FollowUpTasks.Where(t => t.InspectionId == id);
            if (concludedOn is not { } day)
            {
                if (await tasks.CountAsync(cancellationToken) is > 0 and var count)
                {
                    errors.Add(CaseMessages.ConclusionSetTasks.For("concludedOn", count));
                }
            }
            else if (await tasks.Where(t => t.DueOn < day || t.Progress.Any(p => p.On < day)).OrderBy(t => t.Reference).Select(t => t.Reference).FirstOrDefaultAsync(cancellationToken) is { } early)
            {
                errors.Add(CaseMessages.TaskBeforeConclusion.For("concludedOn", early, day));
            }
        }

        return (concludedOn, conclusion);
    }

    private sealed record FindingFields(Guid? TargetId, string Text, IReadOnlySet<Guid> Manifestations)
    {
        public void ApplyTo(Finding finding, OversightDbContext db)
        {
            finding.TargetId = TargetId;
            finding.Text = Text;
            Relink(finding.Manifestations, Manifestations, m => m.ManifestationId, id => new FindingManifestation { FindingId = finding.Id, ManifestationId = id }, db);
        }
    }

    /// <summary>A finding's fields: one of the inspection's targets, its text (not that of another finding on the same target), codes of the directive's appendix.</summary>
    private async Task<FindingFields?> CheckFindingAsync(Inspection inspection, Guid? id, FindingRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        StaysWith(request.Inspection, inspection, errors);
        var text = RequestFields.Text(request.Text, "text", FindingTextLength, errors, required: true, multiline: true);
        var targetId = await TargetIdAsync(inspection, request.Target, errors, cancellationToken);
        var codes = RequestFields.List(request.Manifestations);
        IReadOnlySet<Guid> manifestations = new HashSet<Guid>();
        if (inspection.DirectiveId is { } directive)
        {
            var symbol = await db.Directives.Where(d => d.Id == directive).Select(d => d.Symbol).FirstAsync(cancellationToken);
            manifestations = await AppendixIdsAsync(directive, symbol, codes, errors, cancellationToken);
        }
        else if (codes.Count > 0)
        {
            errors.Add(CaseMessages.NoDirectiveToCite.For("manifestations", inspection.Reference));
        }

        if (errors.Count == 0 && await db.Findings.AnyAsync(f => f.InspectionId == inspection.Id && f.TargetId == targetId && f.Text == text && f.Id != id, cancellationToken))
        {
            errors.Add(CaseMessages.AlreadyRecorded.For("text", text));
        }

        return errors.Count > 0 ? null : new FindingFields(targetId, text!, manifestations);
    }

    /// <summary>
    /// The inspection's target a code names: the person code of a member supervised, or the code of a unit or Party
    /// organisation inspected as of the decision; null for none (the whole inspection), or when it is no target (reported).
    /// </summary>
    private async Task<Guid?> TargetIdAsync(Inspection inspection, string? code, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (VietnameseText.Normalize(code) is not { } given)
        {
            return null;
        }

        var targets = await db.Set<InspectionTarget>().AsNoTracking().Where(t => t.InspectionId == inspection.Id).ToListAsync(cancellationToken);
        var members = targets.Where(t => t.PersonId is not null).Select(t => t.PersonId!.Value).ToList();
        var person = await db.People.AsNoTracking().Where(p => members.Contains(p.Id) && p.Code == given).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var unit = (await scope.GraphAsync(cancellationToken)).Find(given, inspection.DecidedOn);
        var target = person is { } member
            ? targets.First(t => t.PersonId == member)
            : targets.FirstOrDefault(t => t.PersonId is null && unit is not null && t.UnitId == unit.Id);
        if (target is null)
        {
            errors.Add(CaseMessages.NotATarget.For("target", given, inspection.Reference));
        }

        return target?.Id;
    }

    private sealed record TaskFields(Guid OwnerUnitId, string Description, DateOnly DueOn)
    {
        public void ApplyTo(FollowUpTask task)
        {
            task.OwnerUnitId = OwnerUnitId;
            task.Description = Description;
            task.DueOn = DueOn;
        }
    }

    /// <summary>A task's fields: the inspection must be concluded, the deadline not before the conclusion, the owner a unit within scope on the conclusion's day.</summary>
    private async Task<TaskFields?> CheckTaskAsync(Inspection? inspection, FollowUpTaskRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var description = RequestFields.Text(request.Description, "description", 4000, errors, required: true, multiline: true);
        var dueOn = RequestFields.Date(request.DueOn, "dueOn", errors);
        if (inspection is null)
        {
            return null;
        }

        if (inspection.ConcludedOn is not { } concludedOn)
        {
            errors.Add(CaseMessages.NotConcluded.For("inspection", inspection.Reference));
            return null;
        }

        if (dueOn < concludedOn)
        {
            errors.Add(CaseMessages.BeforeConclusion.For("dueOn", dueOn, concludedOn));
        }

        var owner = await RequestFields.UnitAsync(scope, request.OwnerUnit, "ownerUnit", concludedOn, errors, cancellationToken);
        return errors.Count > 0 ? null : new TaskFields(owner!.Id, description!, dueOn!.Value);
    }

    /// <summary>The inspection's next free task number: <c>NV-{inspection}-01</c>, <c>-02</c> …, within the key's length.</summary>
    private async Task<string> NewTaskReferenceAsync(Inspection inspection, CancellationToken cancellationToken)
    {
        var stem = $"NV-{inspection.Reference}";
        for (var number = await db.FollowUpTasks.CountAsync(t => t.InspectionId == inspection.Id, cancellationToken) + 1; ; number++)
        {
            var suffix = FormattableString.Invariant($"-{number:D2}");
            var reference = stem[..Math.Min(stem.Length, KeyLength - suffix.Length)] + suffix;
            if (!await db.FollowUpTasks.AnyAsync(t => t.Reference == reference, cancellationToken))
            {
                return reference;
            }
        }
    }

    private async Task<bool> MayWriteTaskAsync(Guid ownerUnitId, Guid decidingUnitId, CancellationToken cancellationToken) =>
        await MayWriteAsync(ownerUnitId, cancellationToken) && await MayWriteAsync(decidingUnitId, cancellationToken);

    /// <summary>Reports an inspection given on the update of a finding or task that is not the one it belongs to.</summary>
    private static void StaysWith(string? given, Inspection inspection, List<FieldError> errors)
    {
        if (VietnameseText.Normalize(given) is { } reference && reference != inspection.Reference)
        {
            errors.Add(CaseMessages.StaysWithInspection.For("inspection", inspection.Reference, reference));
        }
    }

    private sealed record DecisionFields(
        DateOnly DecidedOn, DecidingBody Body, Guid DecidingUnitId, DisciplineSubject Subject, Guid? PersonId, Guid SubjectUnitId,
        DisciplineForm Form, DateOnly ViolationOn, string? Summary, Guid? SourceInspectionId, IReadOnlySet<Guid> Manifestations)
    {
        public void ApplyTo(DisciplineDecision decision, OversightDbContext db)
        {
            decision.DecidedOn = DecidedOn;
            decision.Body = Body;
            decision.DecidingUnitId = DecidingUnitId;
            decision.Subject = Subject;
            decision.SubjectPersonId = PersonId;
            decision.SubjectUnitId = SubjectUnitId;
            decision.Form = Form;
            decision.ViolationOn = ViolationOn;
            decision.Summary = Summary;
            decision.SourceInspectionId = SourceInspectionId;
            Relink(decision.Manifestations, Manifestations, m => m.ManifestationId, id => new DecisionManifestation { DecisionId = decision.Id, ManifestationId = id }, db);
        }
    }

    private async Task<DecisionFields?> CheckDecisionAsync(DisciplineRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var decidedOn = RequestFields.PastDate(request.DecidedOn, "decidedOn", Today, errors);
        var violationOn = RequestFields.PastDate(request.ViolationOn, "violationOn", Today, errors);
        After(decidedOn, "decidedOn", violationOn, "violationOn", errors);
        var body = RequestFields.Parse<DecidingBody>(request.Body, "body", errors);
        var subject = RequestFields.Parse<DisciplineSubject>(request.Subject, "subject", errors);
        var form = RequestFields.Parse<DisciplineForm>(request.Form, "form", errors);
        var summary = RequestFields.Text(request.Summary, "summary", 4000, errors, required: false, multiline: true);
        var decidingUnit = await RequestFields.UnitAsync(scope, request.DecidingUnit, "decidingUnit", decidedOn, errors, cancellationToken);

        Guid? personId = null;
        Guid? subjectUnitId = null;
        if (subject == DisciplineSubject.Organisation)
        {
            if (VietnameseText.Normalize(request.SubjectPerson) is not null)
            {
                errors.Add(CaseMessages.OnlyWhen.For("subjectPerson", "subject", "member, probationary-member"));
            }

            subjectUnitId = (await PartyBodyAsync(request.SubjectUnit, "subjectUnit", decidedOn, errors, cancellationToken, required: true))?.Id;
        }
        else if (subject is { } memberSubject)
        {
            if (VietnameseText.Normalize(request.SubjectUnit) is not null)
            {
                errors.Add(CaseMessages.OnlyWhen.For("subjectUnit", "subject", "organisation"));
            }

            if (VietnameseText.Normalize(request.SubjectPerson) is not { } code)
            {
                errors.Add(CaseMessages.RequiredWhen.For("subjectPerson", "subject", WireNames<DisciplineSubject>.ToWire(memberSubject)));
            }
            else if (decidedOn is { } day && await MemberAsync(code, "subjectPerson", day, errors, cancellationToken) is { } member)
            {
                var status = member.Membership.OfficialFrom <= day ? DisciplineSubject.Member : DisciplineSubject.ProbationaryMember;
                if (status != memberSubject)
                {
                    errors.Add(CaseMessages.MemberStatusDiffers.For("subject", code, WireNames<DisciplineSubject>.ToWire(status), day));
                }

                (personId, subjectUnitId) = (member.PersonId, member.Membership.BranchId);
            }
        }

        if (subject is { } kind && form is { } chosen && decidedOn is { } on)
        {
            var allowed = await FormsAsync(kind, on, cancellationToken);
            if (allowed.Rule is null)
            {
                errors.Add(CaseMessages.NoRule.For("form", on, $"discipline.forms.{WireNames<DisciplineSubject>.ToWire(kind)}"));
            }
            else if (!allowed.Forms.Contains(chosen))
            {
                errors.Add(CaseMessages.FormNotAllowed.For("form", WireNames<DisciplineForm>.ToWire(chosen), WireNames<DisciplineSubject>.ToWire(kind),
                    string.Join(", ", allowed.Forms.Select(WireNames<DisciplineForm>.ToWire))));
            }
            else if (violationOn is { } violated && await LimitationAsync(chosen, violated, on, cancellationToken) is { Lapsed: true } limitation)
            {
                errors.Add(CaseMessages.LimitationLapsed.For("violationOn", WireNames<DisciplineForm>.ToWire(chosen), limitation.LapsesOn, on, limitation.Rule!.ToString()));
            }
        }

        var sourceInspectionId = (await InspectionAsync(request.SourceInspection, "sourceInspection", errors, cancellationToken, required: false))?.Id;
        var manifestations = await ManifestationIdsAsync(request.Directive, request.Manifestations, errors, cancellationToken);
        return errors.Count > 0
            ? null
            : new DecisionFields(decidedOn!.Value, body!.Value, decidingUnit!.Id, subject!.Value, personId, subjectUnitId!.Value, form!.Value,
                violationOn!.Value, summary, sourceInspectionId, manifestations);
    }

    /// <summary>The manifestations named by code in a directive's appendix; the directive is required with codes.</summary>
    private async Task<IReadOnlySet<Guid>> ManifestationIdsAsync(string? directiveSymbol, IReadOnlyList<string>? codes, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var wanted = RequestFields.List(codes);
        if (VietnameseText.Normalize(directiveSymbol) is not { } symbol)
        {
            if (wanted.Count > 0)
            {
                errors.Add(CaseMessages.RequiredWith.For("directive", "manifestations"));
            }

            return new HashSet<Guid>();
        }

        return await DirectiveIdAsync(symbol, "directive", errors, cancellationToken) is { } directive
            ? await AppendixIdsAsync(directive, symbol, wanted, errors, cancellationToken)
            : new HashSet<Guid>();
    }

    /// <summary>The entries of a directive's appendix named by code; a code it does not have is reported on <c>manifestations</c>.</summary>
    private async Task<IReadOnlySet<Guid>> AppendixIdsAsync(Guid directive, string symbol, IReadOnlyList<string> wanted, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var found = await db.Manifestations.AsNoTracking().Where(m => m.DirectiveId == directive && wanted.Contains(m.Code))
            .Select(m => new { m.Id, m.Code }).ToListAsync(cancellationToken);
        foreach (var code in wanted.Where(code => found.All(m => m.Code != code)))
        {
            errors.Add(CaseMessages.ManifestationNotFound.For("manifestations", symbol, code));
        }

        return found.Select(m => m.Id).ToHashSet();
    }

    private sealed record MoveFields(
        Guid PersonId, MoveKind Kind, PostKind PostKind, Guid FromUnitId, string FromTitle, Guid ToUnitId, string ToTitle,
        DateOnly EffectiveOn, MoveReason Reason, Guid? DirectiveId, Guid DecidingUnitId, string? DecisionNumber)
    {
        public void ApplyTo(PersonnelMove move)
        {
            move.PersonId = PersonId;
            move.Kind = Kind;
            move.PostKind = PostKind;
            move.FromUnitId = FromUnitId;
            move.FromTitle = FromTitle;
            move.ToUnitId = ToUnitId;
            move.ToTitle = ToTitle;
            move.EffectiveOn = EffectiveOn;
            move.Reason = Reason;
            move.DirectiveId = DirectiveId;
            move.DecidingUnitId = DecidingUnitId;
            move.DecisionNumber = DecisionNumber;
        }
    }

    private async Task<MoveFields?> CheckMoveAsync(PersonnelMoveRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var effectiveOn = RequestFields.PastDate(request.EffectiveOn, "effectiveOn", Today, errors);
        var kind = RequestFields.Parse<MoveKind>(request.Kind, "kind", errors);
        var postKind = RequestFields.Parse<PostKind>(request.PostKind, "postKind", errors);
        var reason = RequestFields.Parse<MoveReason>(request.Reason, "reason", errors);
        var fromTitle = RequestFields.Text(request.FromTitle, "fromTitle", 300, errors, required: true);
        var toTitle = RequestFields.Text(request.ToTitle, "toTitle", 300, errors, required: true);
        var decisionNumber = RequestFields.Text(request.DecisionNumber, "decisionNumber", KeyLength, errors, required: false);
        var fromUnit = await RequestFields.UnitAsync(scope, request.FromUnit, "fromUnit", effectiveOn, errors, cancellationToken);
        var toUnit = await RequestFields.UnitAsync(scope, request.ToUnit, "toUnit", effectiveOn, errors, cancellationToken);
        var decidingUnit = await RequestFields.UnitAsync(scope, request.DecidingUnit, "decidingUnit", effectiveOn, errors, cancellationToken);
        var person = await PersonIdAsync(request.Person, "person", errors, cancellationToken);

        var symbol = VietnameseText.Normalize(request.Directive);
        var directive = await DirectiveIdAsync(symbol, "directive", errors, cancellationToken);
        if (reason == MoveReason.UnderDirective && symbol is null)
        {
            errors.Add(CaseMessages.RequiredWhen.For("directive", "reason", WireNames<MoveReason>.ToWire(MoveReason.UnderDirective)));
        }
        else if (reason is { } other && other != MoveReason.UnderDirective && symbol is not null)
        {
            errors.Add(CaseMessages.OnlyWhen.For("directive", "reason", WireNames<MoveReason>.ToWire(MoveReason.UnderDirective)));
        }

        return errors.Count > 0
            ? null
            : new MoveFields(person!.Value, kind!.Value, postKind!.Value, fromUnit!.Id, fromTitle!, toUnit!.Id, toTitle!, effectiveOn!.Value,
                reason!.Value, directive, decidingUnit!.Id, decisionNumber);
    }

    // Shared lookups

    /// <summary>Adds a checked record and saves it.</summary>
    private async Task<RecordResult<T>> AddAsync<T>(T record, CancellationToken cancellationToken)
        where T : class
    {
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new(record, [], Changed: true);
    }

    /// <summary>Applies checked fields to a loaded record as an edit (<see cref="RecordEdits"/>): saved only when that changed something.</summary>
    private Task<RecordResult<T>> CorrectAsync<T, TFields>(T record, Guid? expectedStamp, TFields? fields, List<FieldError> errors, Action<TFields> apply, CancellationToken cancellationToken)
        where T : class, IStamped =>
        db.SaveEditAsync(record, expectedStamp, errors, () => apply(fields!), cancellationToken);

    /// <summary>Makes a record's links exactly <paramref name="wanted"/>: those to others are removed, the missing ones added.</summary>
    private static void Relink<TLink>(List<TLink> links, IReadOnlySet<Guid> wanted, Func<TLink, Guid> target, Func<Guid, TLink> link, OversightDbContext db)
        where TLink : class
    {
        foreach (var gone in links.Where(l => !wanted.Contains(target(l))).ToList())
        {
            links.Remove(gone);
            db.Remove(gone);
        }

        links.AddRange(wanted.Where(id => links.All(l => target(l) != id)).Select(link).ToList());
    }

    private async Task<bool> MayWriteAsync(Guid? unitId, CancellationToken cancellationToken)
    {
        var filter = await scope.FilterAsync(cancellationToken);
        return unitId is { } unit ? filter.Contains(unit) : filter.IsEverything;
    }

    /// <summary>A record's key (symbol, register or decision number): required, and not yet recorded.</summary>
    private static async Task<string?> FreeKeyAsync(string? given, string field, IQueryable<string> taken, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var key = RequestFields.Text(given, field, KeyLength, errors, required: true);
        if (key is not null && await taken.AnyAsync(k => k == key, cancellationToken))
        {
            errors.Add(CaseMessages.AlreadyRecorded.For(field, key));
            return null;
        }

        return key;
    }

    /// <summary>The directives named by symbol (directives are documents every caller may cite), in the order given.</summary>
    private async Task<IReadOnlySet<Guid>> DirectiveIdsAsync(IEnumerable<string?>? symbols, string field, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var wanted = RequestFields.List(symbols);
        var found = await db.Directives.AsNoTracking().Where(d => wanted.Contains(d.Symbol)).Select(d => new { d.Id, d.Symbol }).ToListAsync(cancellationToken);
        foreach (var symbol in wanted.Where(s => found.All(d => d.Symbol != s)))
        {
            errors.Add(CaseMessages.DirectiveNotFound.For(field, symbol));
        }

        return found.Select(d => d.Id).ToHashSet();
    }

    /// <summary>The directive a symbol names; null when none is given or none has it (reported).</summary>
    private async Task<Guid?> DirectiveIdAsync(string? symbol, string field, List<FieldError> errors, CancellationToken cancellationToken) =>
        VietnameseText.Normalize(symbol) is { } given && await DirectiveIdsAsync([given], field, errors, cancellationToken) is { Count: 1 } ids ? ids.Single() : null;

    /// <summary>The directive a symbol names, tracked; null (reported) when none is given or none has it.</summary>
    private async Task<Directive?> RequiredDirectiveAsync(string? symbol, string field, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (VietnameseText.Normalize(symbol) is not { } given)
        {
            errors.Add(CaseMessages.Required.For(field));
            return null;
        }

        var directive = await db.Directives.FirstOrDefaultAsync(d => d.Symbol == given, cancellationToken);
        if (directive is null)
        {
            errors.Add(CaseMessages.DirectiveNotFound.For(field, given));
        }

        return directive;
    }

    /// <summary>An inspection the caller may change, by register number; null when none is given (reported when required) or none is found (reported).</summary>
    private async Task<Inspection?> InspectionAsync(string? reference, string field, List<FieldError> errors, CancellationToken cancellationToken, bool required)
    {
        if (VietnameseText.Normalize(reference) is not { } given)
        {
            if (required)
            {
                errors.Add(CaseMessages.Required.For(field));
            }

            return null;
        }

        var inspection = await FindInspectionAsync(given, cancellationToken);
        if (inspection is null)
        {
            errors.Add(CaseMessages.InspectionNotFound.For(field, given));
        }

        return inspection;
    }

    /// <summary>A code of an appendix: a group <c>1</c> or an item <c>1.2</c>, numbers without leading zeros.</summary>
    private static string? ManifestationCode(string? text, List<FieldError> errors)
    {
        var code = RequestFields.Text(text, "code", 16, errors, required: true);
        if (code is not null && !AppendixCode().IsMatch(code))
        {
            errors.Add(CaseMessages.NotAManifestationCode.For("code", code));
            return null;
        }

        return code;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[1-9][0-9]*(\.[1-9][0-9]*)?$")]
    private static partial System.Text.RegularExpressions.Regex AppendixCode();

    /// <summary>A Party committee or branch within the caller's scope.</summary>
    private async Task<UnitSnapshot?> PartyBodyAsync(string? code, string field, DateOnly? on, List<FieldError> errors, CancellationToken cancellationToken, bool required = true)
    {
        var unit = await RequestFields.UnitAsync(scope, code, field, on, errors, cancellationToken, required);
        if (unit is not null && unit.Kind is not (UnitKind.PartyCommittee or UnitKind.PartyBranch))
        {
            errors.Add(CaseMessages.NotAPartyBody.For(field, unit.Code));
            return null;
        }

        return unit;
    }

    private async Task<Guid?> PersonIdAsync(string? code, string field, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (VietnameseText.Normalize(code) is not { } personCode)
        {
            errors.Add(CaseMessages.Required.For(field));
            return null;
        }

        var id = await db.People.AsNoTracking().Where(p => p.Code == personCode).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            errors.Add(CaseMessages.PersonNotFound.For(field, personCode));
        }

        return id;
    }

    /// <summary>A person who was a Party member on a day, with that day's membership, whose branch lies within the caller's scope.</summary>
    private async Task<(Guid PersonId, PartyMembership Membership)?> MemberAsync(string code, string field, DateOnly on, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (await PersonIdAsync(code, field, errors, cancellationToken) is not { } personId)
        {
            return null;
        }

        var memberships = await db.PartyMemberships.AsNoTracking().Where(m => m.PersonId == personId && m.Joined <= on).ToListAsync(cancellationToken);
        var membership = memberships.Where(m => Dates.Covers(m.From ?? m.Joined, m.To, on)).OrderByDescending(m => m.From ?? m.Joined).FirstOrDefault();
        if (membership is null)
        {
            errors.Add(CaseMessages.NotAMemberOn.For(field, code, on));
            return null;
        }

        var graph = await scope.GraphAsync(cancellationToken);
        if (!(await scope.FilterAsync(cancellationToken)).Contains(membership.BranchId))
        {
            errors.Add(CaseMessages.UnitNotFound.For(field, (graph.At(membership.BranchId, on) ?? graph.Latest(membership.BranchId))?.Code, on));
            return null;
        }

        return (personId, membership);
    }

    private static DateOnly? OptionalDate(string? text, string field, List<FieldError> errors) =>
        string.IsNullOrWhiteSpace(text) ? null : RequestFields.Date(text, field, errors);

    /// <summary>Reports <paramref name="later"/> when it is before <paramref name="earlier"/>.</summary>
    private static void After(DateOnly? later, string laterField, DateOnly? earlier, string earlierField, List<FieldError> errors)
    {
        if (later < earlier)
        {
            errors.Add(CaseMessages.BeforeDate.For(laterField, later, earlierField, earlier));
        }
    }
}
