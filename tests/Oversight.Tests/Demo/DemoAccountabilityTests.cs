using System.Net.Http.Json;
using System.Text.Json;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Demo;

/// <summary>The demo's directives, inspections, discipline and moves give the inspection report's figures (see <see cref="LoadedDemo"/>).</summary>
public sealed class DemoAccountabilityTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_accountability_summary_of_Chuong_My_gives_the_figures_of_the_report(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var web = new OversightWebFactory(database);
        var inspector = await web.CreateApiClientAsync("inspector.accountability", Roles.Inspector, "01", new DateOnly(2024, 7, 19));

        var summary = await inspector.GetFromJsonAsync<JsonElement>("/api/v1/units/277/accountability-summary?from=2023-08-01&to=2024-07-19", Cancel);
        var later = await inspector.GetFromJsonAsync<JsonElement>("/api/v1/units/277/accountability-summary?from=2023-08-01&to=2025-06-30", Cancel);

        var dissemination = summary.GetProperty("dissemination");
        Assert.Equal((1, 1250, 1240, 99.2), (Int(dissemination, "events"), Int(dissemination, "invited"), Int(dissemination, "attended"), dissemination.GetProperty("participationRate").GetDouble()));
        Assert.Equal((40, 40), (Int(dissemination, "unitsCompleted"), Int(dissemination, "unitsTotal")));
        Assert.Equal(11_318, Int(dissemination, "membersReached"));
        var inspections = summary.GetProperty("inspections");
        Assert.Equal((2, 10, 1, 2), (Int(inspections, "teams"), Int(inspections, "unitsInspected"), Int(inspections, "organisationsSupervised"), Int(inspections, "membersSupervised")));
        var discipline = summary.GetProperty("discipline");
        var byBody = discipline.GetProperty("byBody");
        Assert.Equal((3, 4, 0, 29), (Int(byBody.GetProperty("standing-committee"), "organisations"), Int(byBody.GetProperty("standing-committee"), "members"), Int(byBody.GetProperty("inspection-committee"), "organisations"), Int(byBody.GetProperty("inspection-committee"), "members")));
        Assert.Equal((25, 36), (Int(discipline, "withManifestations"), Int(discipline, "total")));
        var personnel = summary.GetProperty("personnel");
        var byPostKind = personnel.GetProperty("byPostKind");
        Assert.Equal((93, 21), (Int(personnel, "moves"), Int(personnel, "underDirective")));
        Assert.Equal((51, 5, 16, 21, 0), (Int(byPostKind, "leading-managerial"), Int(byPostKind, "land-construction"), Int(byPostKind, "commune-vice-chairman"), Int(byPostKind, "school-manager"), Int(byPostKind, "other")));
        Assert.Equal((5, 0, 0), (Int(summary.GetProperty("followUp"), "open"), Int(summary.GetProperty("followUp"), "done"), Int(summary.GetProperty("followUp"), "overdue")));
        Assert.Equal((2, 3, 2), (Int(later.GetProperty("followUp"), "open"), Int(later.GetProperty("followUp"), "done"), Int(later.GetProperty("followUp"), "overdue")));
    }

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();
}
