using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.Accountability;

/// <summary>The directives' list and a directive's page with its chain, as far as the reader's scope reaches.</summary>
public sealed class DirectivePagesTests
{
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_directive_page_shows_its_chain_and_a_commune_officer_only_the_communes_part(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AccountabilitySummaryTests.AddRecordsAsync(database);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("leader-chuongmy", Roles.Leader, "277", InspectionDay);
        await factory.AddUserAsync("officer-totdong", Roles.Officer, "10060", InspectionDay);
        Guid directiveId;
        await using (var scope = database.SystemScope())
        {
            directiveId = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Directives.Select(d => d.Id).SingleAsync(Cancel);
        }

        var leader = await PageSession.SignInAsync(factory, "leader-chuongmy");
        var officer = await PageSession.SignInAsync(factory, "officer-totdong");
        var (_, list) = await leader.GetAsync("/directives");
        var (status, page) = await leader.GetAsync($"/directives/{directiveId}");
        var (_, communePage) = await officer.GetAsync($"/directives/{directiveId}");
        var (missing, _) = await leader.GetAsync($"/directives/{Guid.NewGuid()}");

        Assert.Equal(["24-CT/TU"], list.QuerySelectorAll("table.directives tbody th a").Select(PageText.Of));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Chỉ thị 24-CT/TU", PageText.Of(page.QuerySelector("h1")));
        Assert.Equal("1/3 tổ chức hoàn thành học tập, quán triệt đúng hạn; 500 cán bộ, đảng viên được quán triệt.", PageText.Of(page.QuerySelector("p.completion")));
        Assert.Equal(["KT-01"], page.QuerySelectorAll("article.inspection").Select(a => a.Id));
        Assert.Equal(["NV-01", "NV-02", "NV-03"], page.QuerySelectorAll("table.follow-up tbody th").Select(PageText.Of));
        Assert.Equal(["NV-02"], page.QuerySelectorAll("table.follow-up tr.overdue th").Select(PageText.Of));
        Assert.Equal(["1-QĐ/HU", "2-QĐ/HU", "3-QĐ/UBKT", "4-QĐ/UBKT", "5-QĐ/UBKT"], page.QuerySelectorAll("table.discipline tbody th").Select(PageText.Of));
        Assert.Equal(1, page.QuerySelectorAll("table.moves tbody tr").Length);

        Assert.Equal("1/1 tổ chức hoàn thành học tập, quán triệt đúng hạn; 300 cán bộ, đảng viên được quán triệt.", PageText.Of(communePage.QuerySelector("p.completion")));
        Assert.Equal(["KT-01"], communePage.QuerySelectorAll("article.inspection").Select(a => a.Id));
        Assert.Equal(["NV-01"], communePage.QuerySelectorAll("table.follow-up tbody th").Select(PageText.Of));
        Assert.Equal(["1-QĐ/HU"], communePage.QuerySelectorAll("table.discipline tbody th").Select(PageText.Of));
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }
}
