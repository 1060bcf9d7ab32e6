using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Organisation;
using Oversight.Text;

namespace Oversight.People;

/// <summary>
/// Imports people, their Party membership and the posts they hold, one row per person and post:
/// <c>code,full_name,gender,birth_date,party_joined,party_official,party_branch,party_branch_from,position_unit,position_title,leadership,sensitive_field,position_from,position_to</c>,
/// and optionally <c>email</c>.
/// </summary>
/// <remarks>
/// <para>A person with two posts has two rows with the same <c>code</c>, whose person columns (<c>full_name</c>,
/// <c>gender</c>, <c>birth_date</c>, <c>email</c>) must agree; a person without a post has one row with the position columns
/// empty, a person outside the Party one with the party columns empty. Unit codes are resolved as of the row's own
/// dates: the branch on <c>party_branch_from</c> (the first day in that branch; without it <c>party_joined</c>),
/// the post's unit on <c>position_from</c> (without it today, or <c>position_to</c> when that is past). A branch must
/// be a Party branch or Party committee.</para>
/// <para>People are matched by code, memberships by person, branch and <c>party_joined</c>, posts by person, unit,
/// title and <c>position_from</c>. A match with other values is updated (the file is the truth for the columns
/// it has: an empty <c>birth_date</c> clears it); the same values write nothing. Nothing is ever deleted.</para>
/// </remarks>
public sealed class PeopleImport(OversightDbContext db, UnitGraphCache graphs, Caller caller, TimeProvider time, ImportSettings settings) : SpreadsheetImport(caller, time, settings)
{
    public override string Name => "people";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("code", "CM-0001234", "The person's staff or Party member code; rows with the same code are one person. Required."),
        new("full_name", "Nguyễn Thị Hồng Nhung", "Full name in Vietnamese. Required; the same on every row of the person."),
        new("gender", "female", $"One of: {string.Join(", ", WireNames<Gender>.All)}; empty is unspecified."),
        new("birth_date", "1978-04-12", "YYYY-MM-DD, or empty."),
        new("party_joined", "2001-09-02", "Date of admission to the Party, YYYY-MM-DD; with party_branch, or empty with it for a non-member."),
        new("party_official", "2002-09-02", "Date the member became an official member, YYYY-MM-DD; empty while probationary."),
        new("party_branch", "10063-CB01", "Code of the Party branch (or Party committee) the member belongs to, as of party_branch_from."),
        new("party_branch_from", "2010-01-01", "First day in that branch, YYYY-MM-DD; empty when it is the branch the member joined in (party_joined)."),
        new("position_unit", "10063-UBND", "Code of the unit where the person holds the post, as of position_from; empty for a row without a post."),
        new("position_title", "Phó Chủ tịch Ủy ban nhân dân xã", "The post's title; required with position_unit."),
        new("leadership", "yes", "A leading or managerial post: yes or no (also có/không, true/false, 1/0); empty is no."),
        new("sensitive_field", "land", $"A field whose officials must change post periodically: one of {string.Join(", ", WireNames<SensitiveField>.All)}; empty is none."),
        new("position_from", "2021-07-01", "First day in the post, YYYY-MM-DD, or empty."),
        new("position_to", "", "Last day in the post, YYYY-MM-DD; empty while in it."),
        new("email", "nhung.nth@example.org", "The person's e-mail address, or empty. Optional: a file without this column leaves the addresses as they are.", Optional: true),
    ];

    private static readonly string[] PositionColumns = ["position_unit", "position_title", "leadership", "sensitive_field", "position_from", "position_to"];

    protected override async Task<ImportResult> ImportAsync(TabularTable table, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new ImportErrors();
        var rows = ReadRows(table, errors);
        var graph = await graphs.GetAsync(db, cancellationToken);
        var existing = (await ImportQueries.ByKeysAsync(rows.Select(r => r.Code), codes => db.People.Where(p => codes.Contains(p.Code)), cancellationToken))
            .ToDictionary(p => p.Code, StringComparer.Ordinal);

        // Loaded tracked, their posts and memberships join the people's collections (a third of the time of Include).
        var personIds = existing.Values.Select(p => p.Id).ToArray();
        await ImportQueries.ByKeysAsync(personIds, ids => db.Positions.Where(p => ids.Contains(p.PersonId)), cancellationToken);
        await ImportQueries.ByKeysAsync(personIds, ids => db.PartyMemberships.Where(m => ids.Contains(m.PersonId)), cancellationToken);

        var plan = new Plan(existing, errors);
        foreach (var person in rows.GroupBy(r => r.Code, StringComparer.Ordinal))
        {
            var first = person.First();
            var personId = plan.Person(first, person.Skip(1));
            foreach (var row in person)
            {
                if (row.Membership is { } membership && ResolveUnit(graph, row, "party_branch", membership.BranchCode, membership.BranchFrom ?? membership.Joined, errors, membership.BranchFrom is null ? ImportMessages.BranchNotFoundWhenJoined : ImportMessages.UnitNotFound) is { } branch)
                {
                    if (branch.Kind is not (UnitKind.PartyBranch or UnitKind.PartyCommittee))
                    {
                        errors.Add(row.Source, "party_branch", ImportMessages.NotAPartyBody, membership.BranchCode, branch.Name, WireNames<UnitKind>.ToWire(branch.Kind));
                    }
                    else
                    {
                        plan.Membership(row, personId, membership, branch.Id);
                    }
                }

                if (row.Position is { } position && ResolveUnit(graph, row, "position_unit", position.UnitCode, ReferenceDate(position.From, position.To), errors, ImportMessages.UnitNotFound) is { } unit)
                {
                    plan.Position(row, personId, position, unit.Id);
                }
            }
        }

        if (errors.Count > 0)
        {
            return errors.Result(table.File, table.RowCount, dryRun);
        }

        ImportProgress.Report(progress, ImportStage.Checking, table.RowCount, table.RowCount);
        if (!dryRun && plan.Writes.Count > 0)
        {
            foreach (var write in plan.Writes)
            {
                write(db);
            }

            await db.SaveChangesAsync(cancellationToken);
            ImportProgress.Report(progress, ImportStage.Writing, table.RowCount, table.RowCount);
        }

        return new ImportResult(table.File, table.RowCount, dryRun, [], [plan.People.Tally("people"), plan.Memberships.Tally("memberships"), plan.Positions.Tally("positions")]);
    }

    private static List<PersonRow> ReadRows(TabularTable table, ImportErrors errors)
    {
        var rows = new List<PersonRow>();
        foreach (var source in table.Rows)
        {
            var cells = errors.Cells(source);
            var code = cells.Required("code", 64);
            var fullName = cells.Required("full_name", 200);
            var gender = cells.Choice<Gender>("gender", Gender.Unspecified);
            var birthDate = cells.Date("birth_date");
            var email = source.Has("email") ? new EmailCell(cells.Email("email")) : null;
            var membership = ReadMembership(cells);
            var position = ReadPosition(cells);
            if (!cells.HasErrors)
            {
                rows.Add(new PersonRow(source, code!, fullName!, gender!.Value, birthDate, email, membership, position));
            }
        }

        return rows;
    }

    private static MembershipCells? ReadMembership(RowCells cells)
    {
        var branch = cells.Text("party_branch", 32);
        var joined = cells.Date("party_joined");
        var official = cells.Date("party_official");
        var branchFrom = cells.Date("party_branch_from");
        if (cells.IsBlank("party_branch") && cells.IsBlank("party_joined"))
        {
            foreach (var orphan in new[] { "party_official", "party_branch_from" }.Where(c => !cells.IsBlank(c)))
            {
                cells.Error(orphan, ImportMessages.WithoutMembership);
            }

            return null;
        }

        foreach (var missing in new[] { "party_branch", "party_joined" }.Where(cells.IsBlank))
        {
            cells.Error(missing, ImportMessages.MembershipHalf);
        }

        foreach (var (column, date) in new[] { ("party_official", official), ("party_branch_from", branchFrom) }.Where(d => d.Item2 < joined))
        {
            cells.Error(column, ImportMessages.EndBeforeStart, date, "party_joined", joined);
        }

        return branch is null || joined is null ? null : new MembershipCells(branch, joined.Value, official, branchFrom);
    }

    private static PositionCells? ReadPosition(RowCells cells)
    {
        if (PositionColumns.All(cells.IsBlank))
        {
            return null;
        }

        var unit = cells.Required("position_unit", 32);
        var title = cells.Required("position_title", 200);
        var leadership = cells.Flag("leadership");
        var sensitiveField = cells.Choice<SensitiveField>("sensitive_field", SensitiveField.None);
        var from = cells.Date("position_from");
        var to = cells.Date("position_to");
        if (from is not null && to < from)
        {
            cells.Error("position_to", ImportMessages.EndBeforeStart, to, "position_from", from);
        }

        return unit is null || title is null || leadership is null || sensitiveField is null
            ? null
            : new PositionCells(unit, title, leadership.Value, sensitiveField.Value, from, to);
    }

    private static UnitSnapshot? ResolveUnit(UnitGraph graph, PersonRow row, string column, string code, DateOnly asOf, ImportErrors errors, ImportMessage notFound)
    {
        var unit = graph.Find(code, asOf);
        if (unit is null)
        {
            errors.Add(row.Source, column, notFound, code, asOf);
        }

        return unit;
    }

    private sealed record PersonRow(TabularRow Source, string Code, string FullName, Gender Gender, DateOnly? BirthDate, EmailCell? Email, MembershipCells? Membership, PositionCells? Position);

    /// <summary>The <c>email</c> column of a file that has it: an address, or null to clear it.</summary>
    private sealed record EmailCell(string? Address);

    private sealed record MembershipCells(string BranchCode, DateOnly Joined, DateOnly? OfficialFrom, DateOnly? BranchFrom);

    private sealed record PositionCells(string UnitCode, string Title, bool IsLeadership, SensitiveField SensitiveField, DateOnly? From, DateOnly? To);

    private sealed class Counter
    {
        public int Created { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        public ImportTally Tally(string records) => new(records, Created, Updated, Unchanged);
    }

    /// <summary>Matches rows to people, memberships and posts, and decides what to write, without writing.</summary>
    private sealed class Plan(Dictionary<string, Person> existing, ImportErrors errors)
    {
        private readonly Dictionary<(Guid Person, Guid Branch, DateOnly Joined), (PersonRow Row, MembershipCells Cells)> memberships = [];
        private readonly Dictionary<(Guid Person, Guid Unit, string Title, DateOnly? From), PersonRow> positions = [];

        public List<Action<OversightDbContext>> Writes { get; } = [];

        public Counter People { get; } = new();

        public Counter Memberships { get; } = new();

        public Counter Positions { get; } = new();

        /// <summary>The person of the first row, after checking that the other rows agree with it.</summary>
        public Guid Person(PersonRow first, IEnumerable<PersonRow> others)
        {
            foreach (var other in others)
            {
                Disagree(other, "full_name", first, other.FullName != first.FullName, first.FullName);
                Disagree(other, "gender", first, other.Gender != first.Gender, WireNames<Gender>.ToWire(first.Gender));
                Disagree(other, "birth_date", first, other.BirthDate != first.BirthDate, $"{first.BirthDate:yyyy-MM-dd}");
                Disagree(other, "email", first, other.Email != first.Email, first.Email?.Address ?? "");
            }

            if (!existing.TryGetValue(first.Code, out var person))
            {
                var id = Guid.CreateVersion7();
                People.Created++;
                Writes.Add(db => db.People.Add(new Person { Id = id, Code = first.Code, FullName = first.FullName, Gender = first.Gender, BirthDate = first.BirthDate, Email = first.Email?.Address }));
                return id;
            }

            var email = first.Email is { } given ? given.Address : person.Email;
            if (person.FullName == first.FullName && person.Gender == first.Gender && person.BirthDate == first.BirthDate && person.Email == email)
            {
                People.Unchanged++;
            }
            else
            {
                People.Updated++;
                Writes.Add(_ =>
                {
                    person.FullName = first.FullName;
                    person.Gender = first.Gender;
                    person.BirthDate = first.BirthDate;
                    person.Email = email;
                });
            }

            return person.Id;
        }

        public void Membership(PersonRow row, Guid personId, MembershipCells cells, Guid branchId)
        {
            if (memberships.TryGetValue((personId, branchId, cells.Joined), out var earlier))
            {
                Disagree(row, "party_official", earlier.Row, earlier.Cells.OfficialFrom != cells.OfficialFrom, $"{earlier.Cells.OfficialFrom:yyyy-MM-dd}");
                Disagree(row, "party_branch_from", earlier.Row, earlier.Cells.BranchFrom != cells.BranchFrom, $"{earlier.Cells.BranchFrom:yyyy-MM-dd}");
                return;
            }

            memberships[(personId, branchId, cells.Joined)] = (row, cells);
            var stored = existing.GetValueOrDefault(row.Code)?.Memberships.FirstOrDefault(m => m.BranchId == branchId && m.Joined == cells.Joined);
            if (stored is null)
            {
                Memberships.Created++;
                Writes.Add(db => db.PartyMemberships.Add(new PartyMembership { PersonId = personId, BranchId = branchId, Joined = cells.Joined, OfficialFrom = cells.OfficialFrom, From = cells.BranchFrom }));
            }
            else if (stored.OfficialFrom == cells.OfficialFrom && stored.From == cells.BranchFrom)
            {
                Memberships.Unchanged++;
            }
            else
            {
                Memberships.Updated++;
                Writes.Add(_ =>
                {
                    stored.OfficialFrom = cells.OfficialFrom;
                    stored.From = cells.BranchFrom;
                });
            }
        }

        public void Position(PersonRow row, Guid personId, PositionCells cells, Guid unitId)
        {
            if (!positions.TryAdd((personId, unitId, cells.Title, cells.From), row))
            {
                errors.Add(row.Source, "position_title", ImportMessages.SamePostAsRow, positions[(personId, unitId, cells.Title, cells.From)].Source.Number);
                return;
            }

            var stored = existing.GetValueOrDefault(row.Code)?.Positions.FirstOrDefault(p => p.UnitId == unitId && p.Title == cells.Title && p.From == cells.From);
            if (stored is null)
            {
                Positions.Created++;
                Writes.Add(db => db.Positions.Add(new PositionHeld
                {
                    PersonId = personId,
                    UnitId = unitId,
                    Title = cells.Title,
                    IsLeadership = cells.IsLeadership,
                    SensitiveField = cells.SensitiveField,
                    From = cells.From,
                    To = cells.To,
                }));
            }
            else if (stored.IsLeadership == cells.IsLeadership && stored.SensitiveField == cells.SensitiveField && stored.To == cells.To)
            {
                Positions.Unchanged++;
            }
            else
            {
                Positions.Updated++;
                Writes.Add(_ =>
                {
                    stored.IsLeadership = cells.IsLeadership;
                    stored.SensitiveField = cells.SensitiveField;
                    stored.To = cells.To;
                });
            }
        }

        private void Disagree(PersonRow row, string column, PersonRow earlier, bool differs, string earlierValue)
        {
            if (differs)
            {
                errors.Add(row.Source, column, ImportMessages.DiffersFromRow, earlier.Source.Number, earlierValue, row.Code);
            }
        }
    }
}
