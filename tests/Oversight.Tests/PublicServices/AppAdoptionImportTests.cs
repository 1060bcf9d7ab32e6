using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.PublicServices;

/// <summary>
/// The app operator's list of staff who installed an app: imported by person and app, all or nothing, audited as one
/// entry; PUB.STAFF-APP counts the staff in post on a day who had installed iHanoi by then, out of the staff in post.
/// </summary>
public sealed class AppAdoptionImportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Four posts in the district: one held until the end of June 2024, one taken up in March 2024.</summary>
    private const string People =
        """
        code,full_name,gender,birth_date,party_joined,party_official,party_branch,party_branch_from,position_unit,position_title,leadership,sensitive_field,position_from,position_to
        CM-0001,Nguyễn Văn An,male,1975-02-01,,,,,10063-UBND,Chủ tịch,yes,,2020-01-01,
        CM-0002,Trần Thị Bình,female,1985-06-01,,,,,10063-UBND,Công chức tư pháp – hộ tịch,no,,2020-01-01,2024-06-30
        CM-0003,Lê Văn Cường,male,1990-03-01,,,,,10063-UBND,Công chức văn hóa – xã hội,no,,2024-03-01,
        CM-0004,Phạm Thị Dung,female,1988-09-01,,,,,10063-UBND,Công chức địa chính – xây dựng,no,land,2021-01-01,
        """;

    private const string Installations =
        """
        person,app,installed_on,activated_on
        CM-0001,ihanoi,2024-05-01,2024-05-01
        CM-0002,ihanoi,2024-05-02,
        CM-0003,ihanoi,2024-07-20,2024-07-21
        CM-0004,zalo,2024-05-01,2024-05-01
        """;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_list_is_added_once_audited_as_one_entry_and_counts_staff_in_post_with_the_app(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithStaffAsync(provider);
        var auditBefore = await database.AuditEntryCountAsync();

        var first = await database.ImportCsvAsync("app-adoption", Installations);

        first.AssertSucceeded();
        Assert.Equal((4, 0, 0), (first.Tally("app-installations").Created, first.Tally("app-installations").Updated, first.Tally("app-installations").Unchanged));
        Assert.Equal(auditBefore + 1, await database.AuditEntryCountAsync());

        // On 11 Jul 2024 three posts are held (the second ended in June); only the first holder has iHanoi by then.
        Assert.Equal((1L, (long?)3), await StaffAppAsync(database, new(2024, 7, 11)));
        Assert.Equal((2L, (long?)3), await StaffAppAsync(database, new(2024, 7, 31)));
        Assert.Equal((2L, (long?)4), await StaffAppAsync(database, new(2024, 6, 15)));

        var again = await database.ImportCsvAsync("app-adoption", Installations);
        Assert.Equal((0, 0, 4), (again.Tally("app-installations").Created, again.Tally("app-installations").Updated, again.Tally("app-installations").Unchanged));
        Assert.Equal(auditBefore + 1, await database.AuditEntryCountAsync());

        // The holder with another app installs iHanoi too, and a date is corrected: both count from their days.
        var later = await database.ImportCsvAsync("app-adoption", Installations.Replace("2024-07-20,2024-07-21", "2024-07-10,2024-07-10", StringComparison.Ordinal) + "\nCM-0004,ihanoi,2024-06-01,\n");
        Assert.Equal((1, 1, 3), (later.Tally("app-installations").Created, later.Tally("app-installations").Updated, later.Tally("app-installations").Unchanged));
        Assert.Equal((3L, (long?)3), await StaffAppAsync(database, new(2024, 7, 11)));
        await using (var scope = database.SystemScope())
        {
            var id = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().People.Where(p => p.Code == "CM-0004").Select(p => p.Id).SingleAsync(Cancel);
            var details = await scope.ServiceProvider.GetRequiredService<PersonDirectory>().GetAsync(id, Cancel);
            Assert.Equal([("zalo", new DateOnly(2024, 5, 1)), ("ihanoi", new DateOnly(2024, 6, 1))], details!.Apps.Select(a => (a.App, a.InstalledOn)));
        }

        // A post that ends is no longer counted from the next day, in both parts of the figure.
        await using (var scope = database.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            var post = await db.Positions.SingleAsync(p => p.Title == "Chủ tịch", Cancel);
            post.To = new DateOnly(2024, 7, 1);
            await db.SaveChangesAsync(Cancel);
        }

        Assert.Equal((2L, (long?)2), await StaffAppAsync(database, new(2024, 7, 11)));
        await using var check = database.SystemScope();
        foreach (var to in new DateOnly[] { new(2024, 6, 15), new(2024, 7, 11), new(2024, 12, 31) })
        {
            var differences = await check.ServiceProvider.GetRequiredService<IndicatorFacts>().CheckAsync(
                check.ServiceProvider.GetRequiredService<OversightDbContext>(), IndicatorPeriod.Of(new(2024, 1, 1), to, VietnamTime.Today(database.Time)), null, Cancel);
            Assert.True(differences.Count == 0, string.Join("; ", differences.Take(5).Select(d => $"{d.Quantity} {d.Owner} kept {d.Kept} recounted {d.Recounted}")));
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_any_wrong_row_writes_nothing_and_names_each_row_and_column(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithStaffAsync(provider);
        var auditBefore = await database.AuditEntryCountAsync();
        var csv = Installations + "\n"
            + "CM-0001,ihanoi,2024-05-03,\n"
            + "CM-9999,ihanoi,2024-05-03,\n"
            + "CM-0002,iHaNoi,2024-05-03,\n"
            + "CM-0003,vneid,2024-05-03,2024-05-01\n"
            + "CM-0004,vneid,2099-01-01,\n";

        var result = await database.ImportCsvAsync("app-adoption", csv);

        Assert.False(result.Succeeded);
        Assert.Equal([(6, "app"), (7, "person"), (8, "app"), (9, "activated_on"), (10, "installed_on")], result.Places());
        Assert.Contains("CM-0001, ihanoi is also on row 2", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("CM-9999", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal(auditBefore, await database.AuditEntryCountAsync());
        await using var scope = database.SystemScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OversightDbContext>().AppInstallations.CountAsync(Cancel));
    }

    private static async Task<TestDatabase> DatabaseWithStaffAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();
        (await database.ImportPeopleAsync(People)).AssertSucceeded();
        return database;
    }

    /// <summary>PUB.STAFF-APP for the district, the period ending on <paramref name="to"/>.</summary>
    private static async Task<(long Numerator, long? Denominator)> StaffAppAsync(TestDatabase database, DateOnly to)
    {
        await using var scope = database.SystemScope();
        var engine = scope.ServiceProvider.GetRequiredService<IndicatorEngine>();
        var values = await engine.ForUnitAsync("277", new DateOnly(2024, 1, 1), to, IndicatorStructure.AsOf, [engine.Catalog.Find("PUB.STAFF-APP")!], Cancel);
        var value = values!.Of("PUB.STAFF-APP");
        return (value.Numerator, value.Denominator);
    }
}
