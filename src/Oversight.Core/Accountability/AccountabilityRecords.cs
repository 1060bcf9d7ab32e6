using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Records;
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
/// <para>
/// Each kind of record has its own file (<c>AccountabilityRecords.Directives.cs</c> …): its create, correct and find
/// methods and the checks of its fields. This one holds what they share: the caller's scope and the lookups of units,
/// people, directives and inspections by code.
/// </para>
/// </remarks>
public sealed partial class AccountabilityRecords(OversightDbContext db, CallerScope scope, RuleBook rules, TimeProvider time)
{
    private const int KeyLength = 64;
    private const int MostPeople = 1_000_000;

    private DateOnly Today => VietnamTime.Today(time);

    /// <summary>Reports an inspection given on the update of a finding or task that is not the one it belongs to.</summary>
    private static void StaysWith(string? given, Inspection inspection, List<FieldError> errors)
    {
        if (VietnameseText.Normalize(given) is { } reference && reference != inspection.Reference)
        {
            errors.Add(RecordMessages.StaysWithInspection.For("inspection", inspection.Reference, reference));
        }
    }

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
            errors.Add(RecordMessages.AlreadyRecorded.For(field, key));
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
            errors.Add(RecordMessages.DirectiveNotFound.For(field, symbol));
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
            errors.Add(RecordMessages.Required.For(field));
            return null;
        }

        var directive = await db.Directives.FirstOrDefaultAsync(d => d.Symbol == given, cancellationToken);
        if (directive is null)
        {
            errors.Add(RecordMessages.DirectiveNotFound.For(field, given));
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
                errors.Add(RecordMessages.Required.For(field));
            }

            return null;
        }

        var inspection = await FindInspectionAsync(given, cancellationToken);
        if (inspection is null)
        {
            errors.Add(RecordMessages.InspectionNotFound.For(field, given));
        }

        return inspection;
    }

    /// <summary>A Party committee or branch within the caller's scope.</summary>
    private async Task<UnitSnapshot?> PartyBodyAsync(string? code, string field, DateOnly? on, List<FieldError> errors, CancellationToken cancellationToken, bool required = true)
    {
        var unit = await RequestFields.UnitAsync(scope, code, field, on, errors, cancellationToken, required);
        if (unit is not null && unit.Kind is not (UnitKind.PartyCommittee or UnitKind.PartyBranch))
        {
            errors.Add(RecordMessages.NotAPartyBody.For(field, unit.Code));
            return null;
        }

        return unit;
    }

    private async Task<Guid?> PersonIdAsync(string? code, string field, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (VietnameseText.Normalize(code) is not { } personCode)
        {
            errors.Add(RecordMessages.Required.For(field));
            return null;
        }

        var id = await db.People.AsNoTracking().Where(p => p.Code == personCode).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            errors.Add(RecordMessages.PersonNotFound.For(field, personCode));
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
            errors.Add(RecordMessages.NotAMemberOn.For(field, code, on));
            return null;
        }

        var graph = await scope.GraphAsync(cancellationToken);
        if (!(await scope.FilterAsync(cancellationToken)).Contains(membership.BranchId))
        {
            errors.Add(RecordMessages.UnitNotFound.For(field, (graph.At(membership.BranchId, on) ?? graph.Latest(membership.BranchId))?.Code, on));
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
            errors.Add(RecordMessages.BeforeDate.For(laterField, later, earlierField, earlier));
        }
    }
}
