using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Audit;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Audit;

/// <summary>On PostgreSQL, writers of different records do not wait on each other, for the audit chain or the facts.</summary>
public sealed class ConcurrentWritesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_write_commits_and_joins_the_chain_while_another_transaction_that_wrote_is_still_open_and_that_one_joins_it_once_committed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = await UnitIdAsync(database, "10060", new(2024, 12, 31));
        await SealAndVerifyAsync(database);

        // A long import: it has written a case, its facts and its audit entries, and goes on.
        await using var import = database.SystemScope("import");
        var importDb = import.ServiceProvider.GetRequiredService<OversightDbContext>();
        await using var transaction = await WriteTransaction.BeginAsync(importDb.Database, Cancel);
        importDb.Cases.Add(Case(totDong, new(2024, 3, 4), CaseStatus.UnderConsideration, withinJurisdiction: true, acceptedOn: new(2024, 3, 5), dueOn: new(2024, 4, 5)));
        await importDb.SaveChangesAsync(Cancel);

        // A form saves another case in the same unit meanwhile.
        var form = AddAsync(database, Case(totDong, new(2024, 3, 4), CaseStatus.Resolved, withinJurisdiction: true, acceptedOn: new(2024, 3, 5), dueOn: new(2024, 4, 5), closedOn: new(2024, 3, 20)));
        Assert.Same(form, await Task.WhenAny(form, Task.Delay(TimeSpan.FromSeconds(30), Cancel)));
        await form;

        // Its entries are sealed at once: the older transaction still open holds back only its own.
        await using (var count = database.SystemScope())
        {
            var whileOpen = await SealAndVerifyAsync(database);
            Assert.Equal((0, await count.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries.LongCountAsync(Cancel)), (whileOpen.Unsealed, whileOpen.EntriesChecked));
        }

        await transaction.CommitAsync(Cancel);
        var sealedAll = await SealAndVerifyAsync(database);
        Assert.Equal(0, sealedAll.Unsealed);
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        Assert.Equal(await db.AuditEntries.LongCountAsync(Cancel), sealedAll.EntriesChecked);
        var facts = scope.ServiceProvider.GetRequiredService<IndicatorFacts>();
        Assert.Empty(await facts.CheckAsync(db, IndicatorPeriod.Of(new(2024, 1, 1), new(2024, 12, 31), new(2026, 11, 25)), null, Cancel));
    }

    private static async Task<AuditVerification> SealAndVerifyAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAllAsync(Cancel);
        var verification = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Cancel);
        Assert.True(verification.IsIntact, verification.Problem);
        return verification;
    }
}
