using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Imports;
using Oversight.People;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Imports;

public sealed class PeopleImportTests
{
    private const string Header = "code,full_name,gender,birth_date,party_joined,party_official,party_branch,party_branch_from,position_unit,position_title,leadership,sensitive_field,position_from,position_to";

    /// <summary>A member with two posts (two rows), one of them in a unit whose code was reused; a non-member without a post.</summary>
    private const string People =
        $"""
        {Header}
        CM-0001,Nguyễn Thị Hồng Nhung,female,1978-04-12,2001-09-02,2002-09-02,10063-CB01,2010-01-01,10063-UBND,Phó Chủ tịch Ủy ban nhân dân xã,yes,land,2021-07-01,
        CM-0001,Nguyễn Thị Hồng Nhung,female,1978-04-12,2001-09-02,2002-09-02,10063-CB01,2010-01-01,10096-DU,"Ủy viên Ban Chấp hành, Đảng ủy xã",có,,2024-06-01,2024-12-31
        CM-0002,Trần Văn Bình,male,,,,,,,,,,,
        """;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_good_file_imports_people_their_membership_and_each_post(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();

        var result = await database.ImportPeopleAsync(People);

        result.AssertSucceeded();
        Assert.Equal([new ImportTally("people", 2, 0, 0), new ImportTally("memberships", 1, 0, 0), new ImportTally("positions", 2, 0, 0)], result.Tallies);
        var graph = await database.GraphAsync();
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var nhung = await db.People.Include(p => p.Positions).Include(p => p.Memberships).SingleAsync(p => p.Code == "CM-0001", TestContext.Current.CancellationToken);
        Assert.Equal((Gender.Female, new DateOnly(1978, 4, 12)), (nhung.Gender, nhung.BirthDate));
        var membership = Assert.Single(nhung.Memberships);
        Assert.Equal((graph.Find("10063-CB01", new DateOnly(2010, 1, 1))!.Id, new DateOnly(2001, 9, 2), new DateOnly(2002, 9, 2)), (membership.BranchId, membership.Joined, membership.OfficialFrom));
        Assert.Equal(new DateOnly(2010, 1, 1), membership.From);
        var posts = nhung.Positions.OrderBy(p => p.From).ToArray();
        Assert.Equal(2, posts.Length);
        Assert.Equal((graph.Find("10063-UBND", new DateOnly(2021, 7, 1))!.Id, "Phó Chủ tịch Ủy ban nhân dân xã", true, SensitiveField.Land, (DateOnly?)null), (posts[0].UnitId, posts[0].Title, posts[0].IsLeadership, posts[0].SensitiveField, posts[0].To));
        // 10096-DU on 1 Jun 2024 is the Party Committee of Xã Đồng Phú, not the later one of Xã Hồng Phú.
        Assert.Equal("Đảng ủy xã Đồng Phú", graph.At(posts[1].UnitId, new DateOnly(2024, 6, 1))!.Name);
        Assert.Equal(("Ủy viên Ban Chấp hành, Đảng ủy xã", true, SensitiveField.None), (posts[1].Title, posts[1].IsLeadership, posts[1].SensitiveField));
        var binh = await db.People.Include(p => p.Positions).Include(p => p.Memberships).SingleAsync(p => p.Code == "CM-0002", TestContext.Current.CancellationToken);
        Assert.Equal((Gender.Male, 0, 0), (binh.Gender, binh.Positions.Count, binh.Memberships.Count));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_the_same_file_twice_changes_nothing_and_a_changed_row_updates_only_its_record(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();
        (await database.ImportPeopleAsync(People)).AssertSucceeded();
        var auditEntries = await database.AuditEntryCountAsync();

        var again = await database.ImportPeopleAsync(People);

        Assert.Equal([new ImportTally("people", 0, 0, 2), new ImportTally("memberships", 0, 0, 1), new ImportTally("positions", 0, 0, 2)], again.Tallies);
        Assert.Equal(auditEntries, await database.AuditEntryCountAsync());

        var changed = await database.ImportPeopleAsync(People.Replace(",yes,land,2021-07-01,", ",no,land,2021-07-01,2026-06-30", StringComparison.Ordinal));

        Assert.Equal([new ImportTally("people", 0, 0, 2), new ImportTally("memberships", 0, 0, 1), new ImportTally("positions", 0, 1, 1)], changed.Tallies);
        Assert.Equal(auditEntries + 1, await database.AuditEntryCountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_email_column_sets_or_clears_addresses_a_file_without_it_keeps_them_and_a_bad_address_is_named(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();
        var withEmail = People.Replace(Header, Header + ",email", StringComparison.Ordinal)
            .Replace(",2021-07-01,\n", ",2021-07-01,,nhung.nth@example.org\n", StringComparison.Ordinal)
            .Replace(",2024-12-31\n", ",2024-12-31,nhung.nth@example.org\n", StringComparison.Ordinal)
            .Replace(",,,,,,,,,,,", ",,,,,,,,,,,,", StringComparison.Ordinal);

        (await database.ImportPeopleAsync(withEmail)).AssertSucceeded();
        var afterEmail = await AddressesAsync(database);
        var without = await database.ImportPeopleAsync(People);
        var afterWithout = await AddressesAsync(database);
        var bad = await database.ImportPeopleAsync(withEmail.Replace(",nhung.nth@example.org\n", ",Nhung <nhung@example>\n", StringComparison.Ordinal));
        var cleared = await database.ImportPeopleAsync(withEmail.Replace("nhung.nth@example.org", "", StringComparison.Ordinal));

        Assert.Equal(new Dictionary<string, string?> { ["CM-0001"] = "nhung.nth@example.org", ["CM-0002"] = null }, afterEmail);
        Assert.Equal(new ImportTally("people", 0, 0, 2), without.Tallies[0]);
        Assert.Equal(afterEmail, afterWithout);
        Assert.Equal([("email", 2), ("email", 3)], bad.Errors.Select(e => (e.Column, e.Row)));
        Assert.All(bad.Errors, error => Assert.Contains("'Nhung <nhung@example>' is not an e-mail address", error.Message, StringComparison.Ordinal));
        Assert.Equal(new ImportTally("people", 0, 1, 1), cleared.Tallies[0]);
        Assert.Equal(new Dictionary<string, string?> { ["CM-0001"] = null, ["CM-0002"] = null }, await AddressesAsync(database));
    }

    private static async Task<Dictionary<string, string?>> AddressesAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<OversightDbContext>().People.ToDictionaryAsync(p => p.Code, p => p.Email, TestContext.Current.CancellationToken);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_errors_in_several_rows_reports_each_row_and_column_and_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();
        var auditEntries = await database.AuditEntryCountAsync();

        var result = await database.ImportPeopleAsync(
            $"""
            {Header}
            CM-0001,Nguyễn Thị Hồng Nhung,female,1978-04-12,2001-09-02,,10063-CB01,2010-01-01,10063-UBND,Phó Chủ tịch,yes,land,2021-07-01,
            CM-0001,Nguyễn Thị Hồng Nhunh,female,1978-04-12,,,,,10063-UBND,Chủ tịch,yes,,2021-07-01,
            CM-0003,Lê Văn Cường,nam,,,,,,,,,,,
            CM-0004,Phạm Thị Dung,female,,2005-01-01,,10063,,,,,,,
            CM-0005,Hoàng Văn Em,male,,,,,,10096-DU,Bí thư,yes,,2026-01-01,
            CM-0006,Đỗ Thị Giang,female,,,,,,10063-UBND,,maybe,,2021-07-01,2020-01-01
            CM-0007,Vũ Văn Hải,male,,2010-05-05,,,,,,,,,
            CM-0001,Nguyễn Thị Hồng Nhung,female,1978-04-12,,,,,10063-UBND,Phó Chủ tịch,no,,2021-07-01,
            """);

        Assert.Equal(
            [(3, "full_name"), (4, "gender"), (5, "party_branch"), (6, "position_unit"), (7, "leadership"), (7, "position_title"), (7, "position_to"), (8, "party_branch"), (9, "position_title")],
            result.Places());
        Assert.Contains(result.Errors, e => e.ToString() == "people.csv:3: column full_name: differs from row 2 ('Nguyễn Thị Hồng Nhung'); every row of person CM-0001 must agree");
        Assert.Contains(result.Errors, e => e.Row == 5 && e.Message.Contains("not a Party branch", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Row == 6 && e.Message.Contains("no unit has code 10096-DU on 2026-01-01", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Row == 9 && e.Message.Contains("row 2", StringComparison.Ordinal));
        await using var scope = database.SystemScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OversightDbContext>().People.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(auditEntries, await database.AuditEntryCountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_xlsx_file_imports_like_the_csv(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();
        var path = ImportTesting.WriteXlsx(
        [
            Header.Split(','),
            ["CM-0001", "Nguyễn Thị Hồng Nhung", "female", new DateTime(1978, 4, 12), new DateTime(2001, 9, 2), "2002-09-02", "10063-CB01", new DateTime(2010, 1, 1), "10063-UBND", "Phó Chủ tịch Ủy ban nhân dân xã", true, "land", new DateTime(2021, 7, 1), null],
        ]);

        var result = await database.ImportAsync<PeopleImport>("people.xlsx", File.OpenRead(path));

        result.AssertSucceeded();
        Assert.Equal([new ImportTally("people", 1, 0, 0), new ImportTally("memberships", 1, 0, 0), new ImportTally("positions", 1, 0, 0)], result.Tallies);
        await using var scope = database.SystemScope();
        var post = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Positions.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((true, SensitiveField.Land, new DateOnly(2021, 7, 1)), (post.IsLeadership, post.SensitiveField, post.From!.Value));
    }
}
