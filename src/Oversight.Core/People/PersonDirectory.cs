using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Text;

namespace Oversight.People;

public sealed record PositionView(PositionHeld Position, UnitSnapshot? Unit);

public sealed record MembershipView(PartyMembership Membership, UnitSnapshot? Branch);

public sealed record PersonDetails(Person Person, IReadOnlyList<PositionView> Positions, IReadOnlyList<MembershipView> Memberships, IReadOnlyList<PublicServices.AppInstallation> Apps);

/// <summary>A person in a unit on a day: who holds which post.</summary>
public sealed record UnitPerson(Guid PersonId, string FullName, string Title, bool IsLeadership, SensitiveField SensitiveField, DateOnly? From, DateOnly? To);

/// <summary>
/// People as the caller may see them: a person is visible when one of their posts or Party branches lies in
/// the caller's scope.
/// </summary>
public sealed class PersonDirectory(CallerScope scope, OversightDbContext db)
{
    public async Task<PersonDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var filter = await scope.FilterAsync(cancellationToken);
        var person = await db.People.AsNoTracking()
            .Include(p => p.Positions)
            .Include(p => p.Memberships)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null || !(filter.IsEverything
            || person.Positions.Any(p => filter.Contains(p.UnitId))
            || person.Memberships.Any(m => filter.Contains(m.BranchId))))
        {
            return null;
        }

        var graph = await scope.GraphAsync(cancellationToken);
        UnitSnapshot? UnitOn(Guid unitId, DateOnly? from) =>
            (from is { } day ? graph.At(unitId, day) : null) ?? graph.Latest(unitId);
        var apps = await db.AppInstallations.AsNoTracking().Where(a => a.PersonId == id).OrderBy(a => a.InstalledOn).ToListAsync(cancellationToken);
        return new PersonDetails(
            person,
            person.Positions.OrderByDescending(p => p.From).Select(p => new PositionView(p, UnitOn(p.UnitId, p.From))).ToArray(),
            person.Memberships.OrderByDescending(m => m.From).Select(m => new MembershipView(m, UnitOn(m.BranchId, m.From))).ToArray(), apps);
    }

    /// <summary>The posts held in a unit on <paramref name="asOf"/>, leaders first.</summary>
    public async Task<IReadOnlyList<UnitPerson>> PostsInUnitAsync(Guid unitId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var filter = await scope.FilterAsync(cancellationToken);
        if (!filter.Contains(unitId))
        {
            return [];
        }

        return await db.Positions.AsNoTracking()
            .Where(p => p.UnitId == unitId && (p.From == null || p.From <= asOf) && (p.To == null || p.To >= asOf))
            .Join(db.People, p => p.PersonId, person => person.Id, (p, person) => new { Post = p, person.FullName })
            .OrderByDescending(x => x.Post.IsLeadership)
            .ThenBy(x => x.Post.Title)
            .ThenBy(x => x.FullName)
            .Select(x => new UnitPerson(x.Post.PersonId, x.FullName, x.Post.Title, x.Post.IsLeadership, x.Post.SensitiveField, x.Post.From, x.Post.To))
            .ToListAsync(cancellationToken);
    }

    /// <summary>How many Party members belonged to a branch on <paramref name="asOf"/>.</summary>
    public async Task<int> MemberCountAsync(Guid branchId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var filter = await scope.FilterAsync(cancellationToken);
        if (!filter.Contains(branchId))
        {
            return 0;
        }

        return await db.PartyMemberships.AsNoTracking()
            .CountAsync(m => m.BranchId == branchId && m.Joined <= asOf && (m.From == null || m.From <= asOf) && (m.To == null || m.To >= asOf), cancellationToken);
    }

    /// <summary>People whose name contains the query, ignoring diacritics and đ/Đ.</summary>
    public async Task<IReadOnlyList<Person>> SearchAsync(string query, int limit = 50, CancellationToken cancellationToken = default)
    {
        var folded = VietnameseText.Fold(query);
        if (folded.Length == 0)
        {
            return [];
        }

        var filter = await scope.FilterAsync(cancellationToken);
        var people = db.People.AsNoTracking().Where(p => p.SearchName.Contains(folded) || p.Code == query.Trim());
        if (filter.UnitIds is { } visible)
        {
            var ids = visible.ToArray();
            people = people.Where(p => db.Positions.Any(x => x.PersonId == p.Id && ids.Contains(x.UnitId))
                || db.PartyMemberships.Any(m => m.PersonId == p.Id && ids.Contains(m.BranchId)));
        }

        return await people.OrderBy(p => p.SearchName).Take(limit).ToListAsync(cancellationToken);
    }
}
