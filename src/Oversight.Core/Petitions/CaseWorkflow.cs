using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Attachments;
using Oversight.Calendar;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Records;
using Oversight.Rules;
using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>
/// Every change to a citizen's case: receipt, acceptance, assignment, extension, forwarding, rejection,
/// withdrawal, resolution and notes. Only lawful transitions are allowed; each step is kept on the case's timeline
/// and audited by the save; deadlines come from the rule pack in force on the day each clock starts.
/// </summary>
/// <remarks>
/// Expected failures (bad fields, a step the status does not allow, a case out of scope) are values in
/// <see cref="CaseResult"/>; nothing is saved then.
/// </remarks>
public sealed class CaseWorkflow(
    OversightDbContext db,
    Caller caller,
    CallerScope scope,
    RuleBook ruleBook,
    WorkingCalendar workingCalendar,
    DenouncerIdentity identity,
    AttachmentFiles attachments,
    TimeProvider time)
{
    private const int SubjectLength = 500;
    private const int ContentLength = 10000;
    private const string TrackingAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>The database, a save per step; a case import's drafts (<see cref="Drafting"/>).</summary>
    private ICaseStore store = new SavedCases(db);

    /// <summary>The same workflow, by the same caller, over <paramref name="drafts"/> instead of the database.</summary>
    internal CaseWorkflow Drafting(ICaseStore drafts) => new(db, caller, scope, ruleBook, workingCalendar, identity, attachments, time) { store = drafts };

    /// <summary>Records a new case from an officer, the API or an import, in a unit within the caller's scope.</summary>
    public Task<CaseResult> ReceiveAsync(CaseRequest request, CancellationToken cancellationToken = default) =>
        RecordAsync(request, publicChannel: false, cancellationToken);

    /// <summary>
    /// Records a case a citizen submitted on the public channel: received today, through the public web channel, in
    /// any unit of today's structure, with a tracking code the citizen follows it by.
    /// </summary>
    public Task<CaseResult> ReceivePublicAsync(CaseRequest request, CancellationToken cancellationToken = default) =>
        RecordAsync(request with { ReceivedOn = IsoDate.Format(Today), Channel = WireNames<CaseChannel>.ToWire(CaseChannel.PublicWeb), Reference = null, ReceptionSession = null }, publicChannel: true, cancellationToken);

    private DateOnly Today => VietnamTime.Today(time);

    /// <summary>How long the public channel takes the same petition sent again (a reload, a second click) for the one it stored.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The case the public channel stored within <see cref="RepeatWindow"/> with the same unit, kind, subject, content
    /// and petitioner; null when there is none.
    /// </summary>
    private async Task<CitizenCase?> JustReceivedAsync(
        Guid unitId, CaseKind kind, DateOnly day, string subject, string content, string? name, string? phone, CancellationToken cancellationToken)
    {
        var candidates = await db.Cases
            .Where(c => c.Channel == CaseChannel.PublicWeb && c.UnitId == unitId && c.Kind == kind && c.ReceivedOn == day
                && c.Subject == subject && c.Content == content && c.PetitionerName == name && c.PetitionerPhone == phone)
            .Select(c => new { Case = c, Received = c.Steps.Where(s => s.Action == CaseAction.Received).Select(s => s.RecordedAt).ToList() })
            .ToListAsync(cancellationToken);
        var since = time.GetUtcNow() - RepeatWindow;
        return candidates.Where(c => c.Received.Any(at => at >= since)).Select(c => c.Case).FirstOrDefault();
    }

    private async Task<CaseResult> RecordAsync(CaseRequest request, bool publicChannel, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var kind = RequestFields.Parse<CaseKind>(request.Kind, "kind", errors);
        var channel = RequestFields.Parse<CaseChannel>(request.Channel, "channel", errors);
        var receivedOn = RequestFields.Date(request.ReceivedOn, "receivedOn", errors);
        var subject = RequestFields.Text(request.Subject, "subject", SubjectLength, errors, required: true);
        var content = RequestFields.Text(request.Content, "content", ContentLength, errors, required: true, multiline: true);
        var name = RequestFields.Text(request.Petitioner?.Name, "petitioner.name", 200, errors, required: true);
        var address = RequestFields.Text(request.Petitioner?.Address, "petitioner.address", 500, errors, required: false);
        var phone = RequestFields.Text(request.Petitioner?.Phone, "petitioner.phone", 32, errors, required: false);
        if (phone is not null && !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')'))
        {
            errors.Add(RecordMessages.NotAPhone.For("petitioner.phone"));
        }

        var count = request.PetitionerCount ?? 1;
        if (count is < 1 or > 10000)
        {
            errors.Add(RecordMessages.OutOfRange.For("petitionerCount", count, 1, 10000));
        }

        var reference = RequestFields.Text(request.Reference, "reference", 64, errors, required: false);
        if (receivedOn is { } received && received > Today)
        {
            errors.Add(RecordMessages.InTheFuture.For("receivedOn", received, Today));
        }

        UnitSnapshot? unit = null;
        var unitCode = VietnameseText.Normalize(request.Unit);
        if (unitCode is null)
        {
            errors.Add(RecordMessages.Required.For("unit"));
        }
        else if (receivedOn is { } on)
        {
            var graph = await scope.GraphAsync(cancellationToken);
            unit = graph.Find(unitCode, on);
            var filter = publicChannel ? ScopeFilter.Everything : await scope.FilterAsync(cancellationToken);
            if (unit is null || !filter.Contains(unit.Id))
            {
                errors.Add(RecordMessages.UnitNotFound.For("unit", unitCode, on));
                unit = null;
            }
        }

        Guid? sessionId = null;
        if (VietnameseText.Normalize(request.ReceptionSession) is { } sessionReference && unit is not null)
        {
            var filter = await scope.FilterAsync(cancellationToken);
            var session = await store.FindSessionAsync(sessionReference, cancellationToken);
            if (session is null || !filter.Contains(session.UnitId))
            {
                errors.Add(RecordMessages.SessionNotFound.For("receptionSession", sessionReference));
            }
            else
            {
                sessionId = session.Id;
            }
        }

        if (reference is not null && await store.ReferenceTakenAsync(reference, cancellationToken))
        {
            errors.Add(RecordMessages.ReferenceTaken.For("reference", reference));
        }

        if (errors.Count > 0 || unit is null)
        {
            return new CaseResult(null, errors);
        }

        var day = receivedOn!.Value;
        if (publicChannel && await JustReceivedAsync(unit.Id, kind!.Value, day, subject!, content!, name, phone, cancellationToken) is { } earlier)
        {
            return new CaseResult(earlier, [], Repeated: true);
        }

        var citizenCase = new CitizenCase
        {
            Reference = reference ?? NewReference(day),
            Kind = kind!.Value,
            Channel = channel!.Value,
            ReceivedOn = day,
            UnitId = unit.Id,
            Subject = subject!,
            Content = content!,
            PetitionerCount = count,
            ReceptionSessionId = sessionId,
            TrackingCode = publicChannel ? NewTrackingCode() : null,
        };
        var petitioner = new PetitionerDetails(name, address, phone);
        if (citizenCase.Kind == CaseKind.Denunciation)
        {
            citizenCase.ProtectedIdentity = identity.Protect(petitioner);
        }
        else
        {
            (citizenCase.PetitionerName, citizenCase.PetitionerAddress, citizenCase.PetitionerPhone) = (name, address, phone);
        }

        var rules = await ruleBook.GetAsync(db, cancellationToken);
        var acceptance = rules.Find(AcceptanceKey(citizenCase.Kind), day);
        if (acceptance is null)
        {
            return CaseResult.Invalid(RecordMessages.NoRule.For("kind", day, AcceptanceKey(citizenCase.Kind)));
        }

        var calendar = await workingCalendar.TableAsync(cancellationToken);
        citizenCase.AcceptanceDueOn = Deadlines.Due(day, acceptance, calendar);
        citizenCase.DeadlineBasis = acceptance.ToString();
        AddStep(citizenCase, day, CaseAction.Received, null, isPublic: publicChannel);
        await store.AddAsync(citizenCase, cancellationToken);
        return new CaseResult(citizenCase, []);
    }

    /// <summary>Accepts a case within the unit's jurisdiction and starts its resolution clock.</summary>
    public Task<CaseResult> AcceptAsync(Guid id, DateOnly on, bool complex, bool remoteArea, Guid? expectedStamp = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, "accepted", [CaseStatus.Received], on, async (citizenCase, rules) =>
        {
            var key = ResolutionKey(citizenCase.Kind, complex, remoteArea);
            if (rules.Find(key, on) is not { } limit)
            {
                return [RecordMessages.NoRule.For("on", on, key)];
            }

            var calendar = await workingCalendar.TableAsync(cancellationToken);
            citizenCase.Status = CaseStatus.Accepted;
            citizenCase.WithinJurisdiction = true;
            citizenCase.AcceptedOn = on;
            citizenCase.Complex = complex;
            citizenCase.RemoteArea = remoteArea;
            citizenCase.DueOn = Deadlines.Due(on, limit, calendar);
            citizenCase.DeadlineBasis = limit.ToString();
            AddStep(citizenCase, on, CaseAction.Accepted, null, isPublic: true);
            return [];
        }, cancellationToken);

    /// <summary>Gives the case to an officer who may handle the unit's cases; an accepted case is then under consideration.</summary>
    public Task<CaseResult> AssignAsync(Guid id, DateOnly on, string userName, Guid? expectedStamp = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, "assigned", [CaseStatus.Received, CaseStatus.Accepted, CaseStatus.UnderConsideration], on, async (citizenCase, _) =>
        {
            var user = await store.FindUserAsync(userName, cancellationToken);
            var graph = await scope.GraphAsync(cancellationToken);
            if (user?.ScopeUnitId is not { } userScope || !graph.Scope(userScope).Contains(citizenCase.UnitId))
            {
                return [RecordMessages.AssigneeNotFound.For("assignee", userName)];
            }

            if (!identity.MayAssign(citizenCase, user.Id))
            {
                return [RecordMessages.DenunciationAssignedByLeader.For("assignee")];
            }

            citizenCase.AssigneeUserId = user.Id;
            if (citizenCase.Status == CaseStatus.Accepted)
            {
                citizenCase.Status = CaseStatus.UnderConsideration;
            }

            AddStep(citizenCase, on, CaseAction.Assigned, user.DisplayName ?? user.UserName, isPublic: false);
            return [];
        }, cancellationToken);

    /// <summary>Extends the resolution time limit by decision, as often as the rule pack allows for the kind.</summary>
    public Task<CaseResult> ExtendAsync(Guid id, DateOnly on, string? reason, string? decision, Guid? expectedStamp = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, "extended", [CaseStatus.Accepted, CaseStatus.UnderConsideration], on, async (citizenCase, rules) =>
        {
            var errors = new List<FieldError>();
            var why = RequestFields.Text(reason, "reason", 1000, errors, required: true, multiline: true);
            var number = RequestFields.Text(decision, "decision", 100, errors, required: false);
            var clockStart = citizenCase.AcceptedOn!.Value;
            var extension = rules.Find(ExtensionKey(citizenCase.Kind), clockStart);
            var most = rules.Find($"{ExtensionKey(citizenCase.Kind)}.max", clockStart);
            if (extension is null || most is null)
            {
                errors.Add(RecordMessages.NoRule.For("on", clockStart, ExtensionKey(citizenCase.Kind)));
            }
            else if (citizenCase.Extensions.Count >= most.Value.Value)
            {
                errors.Add(RecordMessages.NoMoreExtensions.For("on", citizenCase.Extensions.Count, most.ToString()));
            }

            if (errors.Count > 0)
            {
                return errors;
            }

            var calendar = await workingCalendar.TableAsync(cancellationToken);
            var granted = new CaseExtension { CaseId = citizenCase.Id, GrantedOn = on, Days = extension!.Days, Reason = why!, Decision = number };
            citizenCase.Extensions.Add(granted);
            store.AddPart(citizenCase, granted);
            citizenCase.DueOn = Deadlines.Due(citizenCase.DueOn!.Value, extension, calendar);
            citizenCase.DeadlineBasis = $"{citizenCase.DeadlineBasis}; {extension}";
            AddStep(citizenCase, on, CaseAction.Extended, number is null ? why : $"{number}: {why}", isPublic: true);
            return [];
        }, cancellationToken);

    /// <summary>Forwards a case outside the unit's jurisdiction to the competent body, with the guidance given.</summary>
    public Task<CaseResult> ForwardAsync(Guid id, DateOnly on, string? forwardedTo, string? guidance, Guid? expectedStamp = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, "forwarded", [CaseStatus.Received], on, (citizenCase, _) =>
        {
            var errors = new List<FieldError>();
            var to = RequestFields.Text(forwardedTo, "forwardedTo", 300, errors, required: true);
            var advice = RequestFields.Text(guidance, "guidance", 2000, errors, required: false, multiline: true);
            if (errors.Count == 0)
            {
                citizenCase.WithinJurisdiction = false;
                citizenCase.ForwardedTo = to;
                citizenCase.Guidance = advice;
                Close(citizenCase, CaseStatus.Forwarded, on, CaseAction.Forwarded, advice is null ? to : $"{to}: {advice}");
            }

            return Task.FromResult<IReadOnlyList<FieldError>>(errors);
        }, cancellationToken);

    /// <summary>Declines to accept a case that does not meet the conditions for it, with the reason given to the citizen.</summary>
    public Task<CaseResult> RejectAsync(Guid id, DateOnly on, string? reason, Guid? expectedStamp = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, "rejected", [CaseStatus.Received], on, (citizenCase, _) =>
        {
            var errors = new List<FieldError>();
            var why = RequestFields.Text(reason, "reason", 2000, errors, required: true, multiline: true);
            if (errors.Count == 0)
            {
                citizenCase.Guidance = why;
                Close(citizenCase, CaseStatus.Rejected, on, CaseAction.Rejected, why);
            }

            return Task.FromResult<IReadOnlyList<FieldError>>(errors);
        }, cancellationToken);

    /// <summary>The citizen withdrew the case.</summary>
    public Task<CaseResult> WithdrawAsync(Guid id, DateOnly on, string? note, Guid? expectedStamp = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, "withdrawn", [CaseStatus.Received, CaseStatus.Accepted, CaseStatus.UnderConsideration], on, (citizenCase, _) =>
        {
            var errors = new List<FieldError>();
            var text = RequestFields.Text(note, "note", 2000, errors, required: false, multiline: true);
            if (errors.Count == 0)
            {
                Close(citizenCase, CaseStatus.Withdrawn, on, CaseAction.Withdrawn, text);
            }

            return Task.FromResult<IReadOnlyList<FieldError>>(errors);
        }, cancellationToken);

    /// <summary>Records the decision that resolves the case, and the answer the citizen sees on the status page.</summary>
    public Task<CaseResult> ResolveAsync(Guid id, DateOnly on, string? outcome, Guid? expectedStamp = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, "resolved", [CaseStatus.Accepted, CaseStatus.UnderConsideration], on, (citizenCase, _) =>
        {
            var errors = new List<FieldError>();
            var text = RequestFields.Text(outcome, "outcome", 4000, errors, required: true, multiline: true);
            if (errors.Count == 0)
            {
                citizenCase.Outcome = text;
                Close(citizenCase, CaseStatus.Resolved, on, CaseAction.Resolved, text);
            }

            return Task.FromResult<IReadOnlyList<FieldError>>(errors);
        }, cancellationToken);

    /// <summary>Adds a note to the timeline: internal, or a public answer the citizen sees on the status page.</summary>
    public Task<CaseResult> NoteAsync(Guid id, string? note, bool isPublic, Guid? expectedStamp = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, "noted", Enum.GetValues<CaseStatus>(), Today, (citizenCase, _) =>
        {
            var errors = new List<FieldError>();
            var text = RequestFields.Text(note, "note", 4000, errors, required: true, multiline: true);
            if (errors.Count == 0)
            {
                AddStep(citizenCase, Today, isPublic ? CaseAction.Answered : CaseAction.Noted, text, isPublic);
            }

            return Task.FromResult<IReadOnlyList<FieldError>>(errors);
        }, cancellationToken);

    /// <summary>
    /// Keeps files with the case (the scanned letter, the reply sent), as a step of its timeline with an optional note;
    /// the files and the step are kept together or not at all.
    /// </summary>
    public Task<CaseResult> AttachAsync(Guid id, string? note, IReadOnlyList<Upload> files, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<CheckedUpload> accepted = [];
        CaseStep? step = null;
        var unitId = Guid.Empty;
        return StepAsync(id, expectedStamp, "given files", Enum.GetValues<CaseStatus>(), Today, (citizenCase, _) =>
        {
            var errors = new List<FieldError>();
            var text = RequestFields.Text(note, "note", 2000, errors, required: false, multiline: true);
            if (files.Count == 0)
            {
                errors.Add(RecordMessages.Required.For("files"));
            }

            accepted = attachments.Check(files, "files", errors);
            if (errors.Count == 0)
            {
                step = AddStep(citizenCase, Today, CaseAction.Attached, text, isPublic: false);
                unitId = citizenCase.UnitId;
            }

            return Task.FromResult<IReadOnlyList<FieldError>>(errors);
        }, cancellationToken, token => attachments.SaveWithAsync(accepted, nameof(CaseStep), step!.Id, unitId, token));
    }

    /// <summary>The files kept with the case, by the step that kept them.</summary>
    public Task<ILookup<Guid, Attachment>> FilesAsync(CitizenCase citizenCase, CancellationToken cancellationToken = default) =>
        attachments.OfAsync(nameof(CaseStep), citizenCase.Steps.Select(s => s.Id).ToList(), cancellationToken);

    /// <summary>
    /// A file kept with a case and its bytes; null when the case or the file does not exist for the caller. A
    /// denunciation's files may name the denouncer: only the readers allowed to reveal the identity open them.
    /// </summary>
    public async Task<(Attachment Attachment, Stream Content)?> OpenFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, cancellationToken) is not { } citizenCase
            || (citizenCase.ProtectedIdentity is not null && !await identity.MayRevealAsync(citizenCase, cancellationToken)))
        {
            return null;
        }

        return await attachments.OpenAsync(fileId, nameof(CaseStep), citizenCase.Steps.Select(s => s.Id).ToList(), cancellationToken);
    }

    /// <summary>Marks the case as a repeat of an earlier one by the same petitioner on the same matter: it is then protracted.</summary>
    public Task<CaseResult> MarkRepeatAsync(Guid id, string? earlierReference, Guid? expectedStamp = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, "marked as a repeat", Enum.GetValues<CaseStatus>(), Today, async (citizenCase, _) =>
        {
            var reference = VietnameseText.Normalize(earlierReference);
            var filter = await scope.FilterAsync(cancellationToken);
            var earlier = reference is null ? null : await store.FindCaseAsync(reference, cancellationToken);
            if (earlier is null || !filter.Contains(earlier.UnitId) || earlier.Id == citizenCase.Id)
            {
                return [RecordMessages.CaseNotFound.For("repeatOf", reference)];
            }

            if (earlier.ReceivedOn > citizenCase.ReceivedOn)
            {
                return [RecordMessages.RepeatNotEarlier.For("repeatOf", reference, earlier.ReceivedOn)];
            }

            citizenCase.RepeatOfCaseId = earlier.Id;
            AddStep(citizenCase, Today, CaseAction.Noted, reference, isPublic: false);
            return [];
        }, cancellationToken);

    /// <summary>Loads a case the caller may see, with its extensions and steps; null when it does not exist for them.</summary>
    public async Task<CitizenCase?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var citizenCase = await store.FindAsync(id, cancellationToken);
        return citizenCase is not null && (await scope.FilterAsync(cancellationToken)).Contains(citizenCase.UnitId) ? citizenCase : null;
    }

    private async Task<CaseResult> StepAsync(
        Guid id,
        Guid? expectedStamp,
        string becoming,
        IReadOnlyCollection<CaseStatus> allowedFrom,
        DateOnly on,
        Func<CitizenCase, RuleSet, Task<IReadOnlyList<FieldError>>> apply,
        CancellationToken cancellationToken,
        Func<CancellationToken, Task>? save = null)
    {
        if (await FindAsync(id, cancellationToken) is not { } citizenCase)
        {
            return CaseResult.Missing;
        }

        if (RecordEdits.IsStale(citizenCase, expectedStamp))
        {
            return CaseResult.Invalid(RecordMessages.ChangedMeanwhile.For(""));
        }

        if (!allowedFrom.Contains(citizenCase.Status))
        {
            return CaseResult.Invalid(RecordMessages.NotAllowedNow.For("status", WireNames<CaseStatus>.ToWire(citizenCase.Status), becoming));
        }

        // Notes are dated when written; the workflow's own steps keep their order in time.
        var last = citizenCase.Steps.Where(s => s.Action is not (CaseAction.Noted or CaseAction.Answered or CaseAction.Attached)).Select(s => s.On).DefaultIfEmpty(citizenCase.ReceivedOn).Max();
        if (on > Today)
        {
            return CaseResult.Invalid(RecordMessages.InTheFuture.For("on", on, Today));
        }

        if (on < last)
        {
            return CaseResult.Invalid(RecordMessages.BeforeStep.For("on", on, last));
        }

        var errors = await apply(citizenCase, await ruleBook.GetAsync(db, cancellationToken));
        if (errors.Count > 0)
        {
            store.Discard();
            return new CaseResult(null, errors);
        }

        // Every step changes the stamp, so a form opened before any step (a note included) is stale.
        citizenCase.ConcurrencyStamp = Guid.NewGuid();
        return await store.SaveAsync(save, cancellationToken)
            ? new CaseResult(citizenCase, [])
            : CaseResult.Invalid(RecordMessages.ChangedMeanwhile.For(""));
    }

    /// <summary>
    /// The accounts the caller may give the case to: enabled, their scope reaching the case's unit (as
    /// <see cref="AssignAsync"/> requires), and for a denunciation not the caller; those of the nearest unit first (the
    /// smallest scope), then by name.
    /// </summary>
    public async Task<IReadOnlyList<Assignee>> AssigneesAsync(CitizenCase citizenCase, CancellationToken cancellationToken = default)
    {
        // The units accounts are scoped to are few beside the accounts; those whose subtree holds the case are found here.
        var graph = await scope.GraphAsync(cancellationToken);
        var scopes = await db.Users.Where(u => u.ScopeUnitId != null).Select(u => u.ScopeUnitId!.Value).Distinct().ToListAsync(cancellationToken);
        var reaching = scopes.Where(unit => graph.Scope(unit).Contains(citizenCase.UnitId)).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => u.ScopeUnitId != null && reaching.Contains(u.ScopeUnitId.Value)).ToListAsync(cancellationToken);
        return accounts
            .Where(u => !AccountService.IsDisabled(u) && identity.MayAssign(citizenCase, u.Id))
            .OrderBy(u => graph.Scope(u.ScopeUnitId!.Value).Count)
            .ThenBy(u => u.DisplayName ?? u.UserName, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false))
            .Select(u => new Assignee(u.UserName!, u.DisplayName ?? u.UserName!, graph.NameOn(u.ScopeUnitId!.Value, Today)))
            .ToList();
    }

    /// <summary>The rules the case's time limits were set by, as they were in force when each clock started: acceptance, resolution, extension.</summary>
    public async Task<IReadOnlyList<(CaseClock Clock, RuleInForce Rule)>> DeadlineRulesAsync(CitizenCase citizenCase, CancellationToken cancellationToken = default)
    {
        var rules = await ruleBook.GetAsync(db, cancellationToken);
        var found = new List<(CaseClock, RuleInForce?)> { (CaseClock.Acceptance, rules.Find(AcceptanceKey(citizenCase.Kind), citizenCase.ReceivedOn)) };
        if (citizenCase.AcceptedOn is { } accepted)
        {
            found.Add((CaseClock.Resolution, rules.Find(ResolutionKey(citizenCase.Kind, citizenCase.Complex, citizenCase.RemoteArea), accepted)));
            if (citizenCase.Extensions.Count > 0)
            {
                found.Add((CaseClock.Extension, rules.Find(ExtensionKey(citizenCase.Kind), accepted)));
            }
        }

        return found.Where(f => f.Item2 is not null).Select(f => (f.Item1, f.Item2!)).ToList();
    }

    private static string AcceptanceKey(CaseKind kind) => WireNames<CaseKind>.ToWire(kind) + ".accept";

    private static string ExtensionKey(CaseKind kind) => WireNames<CaseKind>.ToWire(kind) + ".extension";

    private static string ResolutionKey(CaseKind kind, bool complex, bool remoteArea) =>
        WireNames<CaseKind>.ToWire(kind) + (kind == CaseKind.Denunciation ? ".resolve" : (complex, remoteArea) switch
        {
            (true, true) => ".resolve.complex-and-remote",
            (true, false) or (false, true) => ".resolve.complex-or-remote",
            _ => ".resolve",
        });

    private void Close(CitizenCase citizenCase, CaseStatus status, DateOnly on, CaseAction action, string? note)
    {
        citizenCase.Status = status;
        citizenCase.ClosedOn = on;
        AddStep(citizenCase, on, action, note, isPublic: true);
    }

    private CaseStep AddStep(CitizenCase citizenCase, DateOnly on, CaseAction action, string? note, bool isPublic)
    {
        var step = new CaseStep { CaseId = citizenCase.Id, On = on, RecordedAt = time.GetUtcNow(), Actor = caller.Name, Action = action, Note = note, IsPublic = isPublic };
        citizenCase.Steps.Add(step);
        store.AddPart(citizenCase, step);
        return step;
    }

    private static string NewReference(DateOnly receivedOn) =>
        $"{receivedOn.Year}-{RandomNumberGenerator.GetString(TrackingAlphabet, 8)}";

    /// <summary>Ten characters from 32 (50 bits): not guessable, easy to read aloud and type.</summary>
    private static string NewTrackingCode() => RandomNumberGenerator.GetString(TrackingAlphabet, 10);
}

/// <summary>An account a case may be given to: its user name (what the form sends), the name shown, and the unit it answers for.</summary>
public sealed record Assignee(string UserName, string Name, string UnitName);

/// <summary>The clocks of a case, each set by a rule of the pack.</summary>
public enum CaseClock
{
    Acceptance,
    Resolution,
    Extension,
}
