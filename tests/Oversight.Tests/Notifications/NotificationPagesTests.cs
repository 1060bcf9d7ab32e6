using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Notifications;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Petitions;
using Oversight.Tests.Web;

namespace Oversight.Tests.Notifications;

public sealed class NotificationPagesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Without a mail server the digest is still made, for the page: listed newest first, then marked read.</summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_notifications_page_lists_the_digest_made_without_a_mail_server_and_marks_it_read(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (totDong, officerId) = await DailyDigestsTests.AccountsAsync(database);
        var late = PetitionRecords.Case(totDong, new DateOnly(2026, 10, 1), CaseStatus.UnderConsideration, acceptedOn: new DateOnly(2026, 10, 2),
            dueOn: new DateOnly(2026, 11, 20), assigneeUserId: officerId);
        await PetitionRecords.AddAsync(database, late);
        var tally = await database.Services.GetRequiredService<DailyDigests>().RunAsync(new DateOnly(2026, 11, 25), Cancel);
        Assert.Equal((1, 0), (tally.Created, tally.Emailed));
        await using var factory = new OversightWebFactory(database);
        var session = await PageSession.SignInAsync(factory, "officer-totdong");

        var (_, work) = await session.GetAsync("/work");
        var (status, page) = await session.GetAsync("/notifications");
        var (_, again) = await session.GetAsync("/notifications");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(": 1 thông báo chưa đọc", PageText.Of(work.QuerySelector("nav a[href='/notifications'] .visually-hidden")));
        var item = Assert.Single(page.QuerySelectorAll("ul.notifications > li"));
        Assert.Equal("Oversight: việc đang chờ bạn ngày 25/11/2026", PageText.Of(item.QuerySelector("h2 a")));
        Assert.Equal("/work", item.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains("1 vụ việc được giao cho bạn đã quá hạn", PageText.Of(item));
        Assert.Contains("Mới", PageText.Of(item.QuerySelector(".tag")));
        Assert.Null(again.QuerySelector("ul.notifications .tag"));
        Assert.Null(again.QuerySelector("nav a[href='/notifications'] .count"));
        await using var check = database.SystemScope();
        Assert.NotNull((await check.ServiceProvider.GetRequiredService<OversightDbContext>().Notifications.SingleAsync(Cancel)).ReadAt);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_person_sets_their_address_language_and_digests_on_their_own_page_and_the_change_is_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, officerId) = await DailyDigestsTests.AccountsAsync(database);
        await using var factory = new OversightWebFactory(database);
        var session = await PageSession.SignInAsync(factory, "officer-totdong");
        var (_, form) = await session.GetAsync("/account/notifications");
        Assert.Equal("officer-totdong@example.org", form.QuerySelector("input#email")!.GetAttribute("value"));
        Assert.True(form.QuerySelector("input#digests")!.HasAttribute("checked"));

        var refused = await session.SubmitAsync(form, new() { ["Email"] = "không phải địa chỉ", ["Language"] = "en", ["ReceivesDigests"] = "true" });
        var saved = await session.SubmitAsync(form, new() { ["Email"] = "binh.tran@example.org", ["Language"] = "en" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Nhập một địa chỉ thư điện tử", PageText.Of((await PageSession.ParseAsync(refused)).QuerySelector("main")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, after) = await session.FollowAsync(saved);
        Assert.Equal("Đã lưu cài đặt nhận thông báo.", PageText.Of(after.QuerySelector("main .confirmation")));
        await using var check = database.SystemScope();
        var db = check.ServiceProvider.GetRequiredService<OversightDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == officerId, Cancel);
        Assert.Equal(("binh.tran@example.org", Languages.English, false), (user.Email, user.Language, user.ReceivesDigests));
        var audited = await db.AuditEntries.Where(e => e.EntityType == nameof(OversightUser) && e.EntityId == officerId && e.Action == "update").Select(e => e.After).ToListAsync(Cancel);
        Assert.Contains(audited, after => after!.Contains("\"Email\":\"binh.tran@example.org\"") && after.Contains("\"ReceivesDigests\":false") && after.Contains("\"Language\":\"en\""));
    }
}
