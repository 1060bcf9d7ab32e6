using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Records;
using Oversight.Tests.Imports;
using Oversight.Tests.Web;

namespace Oversight.Tests.Infrastructure;

/// <summary>
/// A kind of record two people edit at once: how one is recorded, how it is edited (to version 1 by the one who saves
/// first, to version 2 by the one whose copy is then stale), and what of it the edits change.
/// </summary>
public sealed class StaleEdit
{
    private readonly Func<IServiceProvider, Task<(Guid Id, Guid Stamp)>> record;
    private readonly Func<IServiceProvider, Guid, int, Guid, Task<RecordResult<object>>> edit;
    private readonly Func<OversightDbContext, Guid, Task<string?>> value;

    private StaleEdit(
        Func<IServiceProvider, Task<(Guid Id, Guid Stamp)>> record,
        Func<IServiceProvider, Guid, int, Guid, Task<RecordResult<object>>> edit,
        Func<OversightDbContext, Guid, Task<string?>> value) =>
        (this.record, this.edit, this.value) = (record, edit, value);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <param name="record">Records one, as the setup of the database; the id of the record the edits name.</param>
    /// <param name="edit">Edits it to a version (1 or 2), with the stamp the editor's form was read with.</param>
    /// <param name="value">What the edits change, as stored.</param>
    public static StaleEdit Of<T>(
        Func<IServiceProvider, Task<RecordResult<T>>> record,
        Func<IServiceProvider, Guid, int, Guid, Task<RecordResult<T>>> edit,
        Func<OversightDbContext, Guid, Task<string?>> value)
        where T : class, IStamped =>
        new(
            async services => (await record(services)).Record is { } created
                ? ((Guid)typeof(T).GetProperty("Id")!.GetValue(created)!, created.ConcurrencyStamp)
                : throw new Xunit.Sdk.XunitException($"the {typeof(T).Name} was not recorded"),
            async (services, id, version, stamp) =>
            {
                var result = await edit(services, id, version, stamp);
                return new RecordResult<object>(result.Record, result.Errors, result.NotFound, result.Changed);
            },
            value);

    /// <summary>
    /// Two people open the same record; the second saves a change first, then the first submits theirs: it is refused as
    /// stale, the record keeps the second person's change, and the audit trail holds that change only.
    /// </summary>
    public async Task AssertRefusedAsync(TestDatabase database)
    {
        Guid id;
        Guid stamp;
        await using (var setup = database.SystemScope("recorder"))
        {
            (id, stamp) = await record(setup.ServiceProvider);
        }

        var (before, audited) = await ReadAsync(database, id);
        await using (var second = database.SystemScope("second"))
        {
            var saved = await edit(second.ServiceProvider, id, 1, stamp);
            Assert.Empty(saved.Errors);
            Assert.True(saved.Succeeded && saved.Changed);
        }

        var (theirs, _) = await ReadAsync(database, id);
        RecordResult<object> stale;
        await using (var first = database.SystemScope("first"))
        {
            stale = await edit(first.ServiceProvider, id, 2, stamp);
        }

        var error = Assert.Single(stale.Errors);
        Assert.Equal(("", "ChangedMeanwhile", ErrorKind.Stale), (error.Field, error.Key, error.Kind));
        Assert.NotEqual(before, theirs);
        Assert.Equal(theirs, (await ReadAsync(database, id)).Value);
        await using var check = database.SystemScope();
        var since = await check.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries.Where(e => e.Id > audited).ToListAsync(Cancel);
        Assert.NotEmpty(since);
        Assert.All(since, e => Assert.Equal("second", e.Actor));
    }

    /// <summary>
    /// The same with a page's form: two people open it, the second saves first, then the first's save comes back with
    /// the message and stores nothing.
    /// </summary>
    public static async Task AssertFormRefusedAsync(
        TestDatabase database, PageSession first, PageSession second, string form, Dictionary<string, string> theirs, Dictionary<string, string> mine)
    {
        var (_, stale) = await first.GetAsync(form);
        var (_, current) = await second.GetAsync(form);
        using var saved = await second.SubmitAsync(current, theirs);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var audited = await database.AuditEntryCountAsync();

        using var refused = await first.SubmitAsync(stale, mine);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(
            ["bản ghi này vừa được người khác thay đổi; hãy tải lại trang và thực hiện lại"],
            (await PageSession.ParseAsync(refused)).QuerySelectorAll(".error-summary li").Select(PageText.Of));
        Assert.Equal(audited, await database.AuditEntryCountAsync());
    }

    private async Task<(string? Value, long LastAudit)> ReadAsync(TestDatabase database, Guid id)
    {
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        return (await value(db, id), await db.AuditEntries.MaxAsync(e => (long?)e.Id, Cancel) ?? 0);
    }
}
