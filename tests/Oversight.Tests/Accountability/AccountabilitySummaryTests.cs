using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.People;
using Oversight.Tests.Infrastructure;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Accountability;

public sealed class AccountabilitySummaryTests
{
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_figures_count_the_subtree_in_the_period_and_follow_up_stands_as_at_its_end(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AddRecordsAsync(database);
        await using var scope = database.SystemScope();
        var summary = scope.ServiceProvider.GetRequiredService<AccountabilitySummary>();

        var district = (await summary.ForAsync("277", new(2023, 8, 1), new(2025, 6, 30), Cancel))!;
        var commune = (await summary.ForAsync("10060", new(2023, 8, 1), new(2025, 6, 30), Cancel))!;
        var beforeTheConclusion = (await summary.ForAsync("277", new(2023, 8, 1), new(2024, 6, 30), Cancel))!;

        Assert.Equal(new DisseminationFigures(1, new(79, 80), new(1, 3), 500), district.Dissemination);
        Assert.Equal(new InspectionFigures(2, 2, 0, 1, 2), district.Inspections);
        Assert.Equal(new DisciplineCounts(1, 1), district.Discipline.ByBody[DecidingBody.StandingCommittee]);
        Assert.Equal(new DisciplineCounts(0, 2), district.Discipline.ByBody[DecidingBody.InspectionCommittee]);
        Assert.Equal((2, 4), (district.Discipline.WithManifestations, district.Discipline.Total));
        Assert.Equal((2, 1, 1, 1), (district.Personnel.Moves, district.Personnel.UnderDirective, district.Personnel.ByPostKind[PostKind.LeadingManagerial], district.Personnel.ByPostKind[PostKind.SchoolManager]));
        Assert.Equal(new FollowUpFigures(new(2025, 6, 30), 2, 1, 1), district.FollowUp);

        // An event is its organiser's and a move its decider's (Indicators/README.md): the district held the conference the
        // commune attended and decided the moves of the commune's officials.
        Assert.Equal(new DisseminationFigures(0, new(40, 40), new(1, 1), 300), commune.Dissemination);
        Assert.Equal((0, 0), (commune.Inspections.Teams, commune.Discipline.Total));
        Assert.Equal(0, commune.Personnel.Moves);
        Assert.Equal(new FollowUpFigures(new(2025, 6, 30), 0, 1, 0), commune.FollowUp);

        Assert.Equal(new FollowUpFigures(new(2024, 6, 30), 0, 0, 0), beforeTheConclusion.FollowUp);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_summary_gives_the_indicators_figures_for_the_district_and_a_commune(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AddRecordsAsync(database);
        await using var scope = database.SystemScope();
        var engine = scope.ServiceProvider.GetRequiredService<IndicatorEngine>();

        foreach (var unit in new[] { "277", "10060" })
        {
            var summary = (await scope.ServiceProvider.GetRequiredService<AccountabilitySummary>().ForAsync(unit, new(2023, 8, 1), new(2025, 6, 30), Cancel))!;
            var values = (await engine.ForUnitAsync(unit, new(2023, 8, 1), new(2025, 6, 30), IndicatorStructure.AsOf, engine.Catalog.Indicators, Cancel))!
                .Values.ToDictionary(v => v.Definition.Code);
            long Count(string code) => values[code].Numerator;

            Assert.Equal(
                (Count("DIS.EVENTS"), Count("DIS.PARTICIPATION"), values["DIS.PARTICIPATION"].Denominator, Count("DIS.UNITS-COMPLETED"), Count("DIS.MEMBERS-REACHED")),
                (summary.Dissemination.Events, summary.Dissemination.Participation.Numerator, summary.Dissemination.Participation.Denominator,
                    summary.Dissemination.UnitsCompleted.Numerator, summary.Dissemination.MembersReached));
            Assert.Equal(
                (Count("INS.TEAMS"), Count("INS.UNITS-INSPECTED"), Count("INS.MEMBERS-INSPECTED"), Count("INS.ORGANISATIONS-SUPERVISED"), Count("INS.MEMBERS-SUPERVISED")),
                (summary.Inspections.Teams, summary.Inspections.UnitsInspected, summary.Inspections.MembersInspected, summary.Inspections.OrganisationsSupervised, summary.Inspections.MembersSupervised));
            Assert.Equal(
                (Count("DSC.TOTAL"), Count("DSC.WITH-MANIFESTATIONS"), Count("DSC.STANDING-ORGANISATIONS"), Count("DSC.INSPECTION-COMMITTEE-MEMBERS")),
                (summary.Discipline.Total, summary.Discipline.WithManifestations, summary.Discipline.ByBody[DecidingBody.StandingCommittee].Organisations,
                    summary.Discipline.ByBody[DecidingBody.InspectionCommittee].Members));
            Assert.Equal(
                (Count("PER.MOVES"), Count("PER.UNDER-DIRECTIVE"), Count("PER.LEADING"), Count("PER.SCHOOL-MANAGERS")),
                (summary.Personnel.Moves, summary.Personnel.UnderDirective, summary.Personnel.ByPostKind[PostKind.LeadingManagerial], summary.Personnel.ByPostKind[PostKind.SchoolManager]));
            Assert.Equal(
                (Count("FUP.TASKS-DONE"), values["FUP.TASKS-DONE"].Denominator - Count("FUP.TASKS-DONE"), Count("FUP.TASKS-OVERDUE")),
                (summary.FollowUp.Done, summary.FollowUp.Open, summary.FollowUp.Overdue));
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_records_audit_entry_carries_the_unit_it_belongs_to(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AddRecordsAsync(database);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        var district = await UnitIdAsync(database, "277", InspectionDay);
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();

        var taskEntry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(FollowUpTask) && e.After!.Contains("NV-01"), Cancel);
        var inspectionUnits = await db.AuditEntries.Where(e => e.EntityType == nameof(Inspection)).Select(e => e.UnitId).Distinct().ToListAsync(Cancel);
        var moveUnits = await db.AuditEntries.Where(e => e.EntityType == nameof(PersonnelMove)).Select(e => e.UnitId).ToListAsync(Cancel);

        Assert.Equal(totDong, taskEntry.UnitId);
        Assert.Equal([district], inspectionUnits);
        Assert.Contains(totDong, moveUnits);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_api_answers_with_the_contract_names_and_names_a_bad_parameter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AddRecordsAsync(database);
        await using var web = new OversightWebFactory(database);
        var leader = await web.CreateApiClientAsync("leader", Roles.Leader, "277", InspectionDay);
        var officer = await web.CreateApiClientAsync("officer.totdong", Roles.Officer, "10060", InspectionDay);

        var text = await leader.GetStringAsync("/api/v1/units/277/accountability-summary?from=2023-08-01&to=2025-06-30", Cancel);
        var summary = JsonDocument.Parse(text).RootElement;
        var reversed = await leader.GetAsync("/api/v1/units/277/accountability-summary?from=2024-01-01&to=2023-01-01", Cancel);
        var outOfScope = await officer.GetAsync("/api/v1/units/10021/accountability-summary?from=2023-08-01&to=2025-06-30", Cancel);

        var dissemination = summary.GetProperty("dissemination");
        Assert.Equal((1, 80, 79, 98.8), (Int(dissemination, "events"), Int(dissemination, "invited"), Int(dissemination, "attended"), dissemination.GetProperty("participationRate").GetDouble()));
        Assert.Equal((1, 3, 500), (Int(dissemination, "unitsCompleted"), Int(dissemination, "unitsTotal"), Int(dissemination, "membersReached")));
        var inspections = summary.GetProperty("inspections");
        Assert.Equal((2, 2, 1, 2), (Int(inspections, "teams"), Int(inspections, "unitsInspected"), Int(inspections, "organisationsSupervised"), Int(inspections, "membersSupervised")));
        var discipline = summary.GetProperty("discipline");
        Assert.Equal((1, 1), (Int(discipline.GetProperty("byBody").GetProperty("standing-committee"), "organisations"), Int(discipline.GetProperty("byBody").GetProperty("standing-committee"), "members")));
        Assert.Equal(2, Int(discipline.GetProperty("byBody").GetProperty("inspection-committee"), "members"));
        Assert.Equal(0, Int(discipline.GetProperty("byBody").GetProperty("party-cell"), "members"));
        Assert.Equal((2, 4), (Int(discipline, "withManifestations"), Int(discipline, "total")));
        var personnel = summary.GetProperty("personnel");
        Assert.Equal((2, 1, 1, 1, 0), (Int(personnel, "moves"), Int(personnel, "underDirective"), Int(personnel.GetProperty("byPostKind"), "leading-managerial"), Int(personnel.GetProperty("byPostKind"), "school-manager"), Int(personnel.GetProperty("byPostKind"), "commune-vice-chairman")));
        var followUp = summary.GetProperty("followUp");
        Assert.Equal((2, 1, 1), (Int(followUp, "open"), Int(followUp, "done"), Int(followUp, "overdue")));
        Assert.Contains("\"name\":\"Huyện Chương Mỹ\"", text);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.True((await reversed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("to", out _));
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
    }

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    /// <summary>
    /// A directive disseminated to three communes of the fragment (one completing late, one not at all), a surprise
    /// inspection of two communes and a supervision of an organisation and two members, four discipline decisions in
    /// the period and one after it, two moves, and three follow-up tasks of the inspection's conclusion.
    /// </summary>
    internal static async Task AddRecordsAsync(TestDatabase database)
    {
        var district = await UnitIdAsync(database, "277", InspectionDay);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        var phungChau = await UnitIdAsync(database, "10021", InspectionDay);
        var lamDien = await UnitIdAsync(database, "10063", InspectionDay);
        var directive = new Directive
        {
            Symbol = "24-CT/TU", IssuingBody = "Ban Thường vụ Thành ủy Hà Nội", IssuedOn = new(2023, 8, 7), Title = "Về tăng cường kỷ luật, kỷ cương",
            DisseminationDueOn = new(2023, 9, 30),
        };
        var manifestation = new Manifestation { DirectiveId = directive.Id, Code = "1.1", Text = "Né tránh, đùn đẩy trách nhiệm" };
        directive.Manifestations.Add(manifestation);
        var conference = new DisseminationEvent { Reference = "HN-24-01", OrganiserUnitId = district, HeldOn = new(2023, 8, 25), Online = true, Title = "Hội nghị trực tuyến quán triệt Chỉ thị 24-CT/TU" };
        conference.Directives.Add(new() { EventId = conference.Id, DirectiveId = directive.Id });
        conference.Attendance.AddRange([
            new() { EventId = conference.Id, UnitId = totDong, Invited = 40, Attended = 40 },
            new() { EventId = conference.Id, UnitId = phungChau, Invited = 30, Attended = 29 },
            new() { EventId = conference.Id, UnitId = lamDien, Invited = 10, Attended = 10 },
        ]);
        DisseminationCompletion[] completions =
        [
            new() { DirectiveId = directive.Id, UnitId = totDong, CompletedOn = new(2023, 9, 20), MembersReached = 300 },
            new() { DirectiveId = directive.Id, UnitId = phungChau, CompletedOn = new(2023, 10, 15), MembersReached = 200 },
            new() { DirectiveId = directive.Id, UnitId = lamDien },
        ];
        var members = new[] { "Nguyễn Văn Bình", "Trần Thị Hoa" }.Select((name, i) => new Person { Code = $"PM-{i + 1}", FullName = name }).ToArray();
        var surprise = new Inspection { Reference = "KT-01", Kind = InspectionKind.Surprise, DecidingUnitId = district, DecidedOn = new(2023, 11, 1), Title = "Kiểm tra đột xuất", DirectiveId = directive.Id, ConcludedOn = InspectionDay, Conclusion = "Yêu cầu khắc phục" };
        surprise.Team.Add(new() { InspectionId = surprise.Id, Name = "Lê Văn Trưởng", IsLead = true });
        surprise.Targets.AddRange([new() { InspectionId = surprise.Id, Kind = TargetKind.Unit, UnitId = totDong }, new() { InspectionId = surprise.Id, Kind = TargetKind.Unit, UnitId = phungChau }]);
        var finding = new Finding { InspectionId = surprise.Id, Text = "Chậm giải quyết đơn thư" };
        finding.Manifestations.Add(new() { FindingId = finding.Id, ManifestationId = manifestation.Id });
        surprise.Findings.Add(finding);
        var supervision = new Inspection { Reference = "GS-01", Kind = InspectionKind.Supervision, DecidingUnitId = district, DecidedOn = new(2023, 12, 1), Title = "Giám sát chuyên đề" };
        supervision.Targets.AddRange([
            new() { InspectionId = supervision.Id, Kind = TargetKind.PartyOrganisation, UnitId = lamDien },
            new() { InspectionId = supervision.Id, Kind = TargetKind.PartyMember, PersonId = members[0].Id },
            new() { InspectionId = supervision.Id, Kind = TargetKind.PartyMember, PersonId = members[1].Id },
        ]);
        DisciplineDecision Decision(string number, DecidingBody body, DisciplineSubject subject, DateOnly on, bool withManifestation)
        {
            var decision = new DisciplineDecision
            {
                DecisionNumber = number, Body = body, DecidingUnitId = district, Subject = subject, DecidedOn = on, ViolationOn = on.AddMonths(-3),
                Form = DisciplineForm.Reprimand, SubjectUnitId = subject == DisciplineSubject.Organisation ? totDong : null,
                SubjectPersonId = subject == DisciplineSubject.Organisation ? null : members[0].Id, SourceInspectionId = surprise.Id,
            };
            if (withManifestation)
            {
                decision.Manifestations.Add(new() { DecisionId = decision.Id, ManifestationId = manifestation.Id });
            }

            return decision;
        }

        PersonnelMove Move(string reference, Guid from, Guid to, PostKind kind, MoveReason reason) => new()
        {
            Reference = reference, PersonId = members[1].Id, Kind = MoveKind.Rotation, PostKind = kind, FromUnitId = from, FromTitle = "Phó Chủ tịch",
            ToUnitId = to, ToTitle = "Phó Chủ tịch", EffectiveOn = new(2024, 1, 15), Reason = reason, DirectiveId = reason == MoveReason.UnderDirective ? directive.Id : null,
            DecidingUnitId = district,
        };

        FollowUpTask Task(string reference, Guid owner, DateOnly due, DateOnly? done) => new()
        {
            Reference = reference, InspectionId = surprise.Id, OwnerUnitId = owner, Description = "Khắc phục hạn chế", DueOn = due,
            Status = done is null ? FollowUpStatus.Open : FollowUpStatus.Done, DoneOn = done,
        };

        await AddAsync(database, [
            directive, conference, .. completions, .. members, surprise, supervision,
            Decision("1-QĐ/HU", DecidingBody.StandingCommittee, DisciplineSubject.Organisation, new(2024, 2, 1), withManifestation: true),
            Decision("2-QĐ/HU", DecidingBody.StandingCommittee, DisciplineSubject.Member, new(2024, 2, 1), withManifestation: false),
            Decision("3-QĐ/UBKT", DecidingBody.InspectionCommittee, DisciplineSubject.Member, new(2024, 3, 1), withManifestation: true),
            Decision("4-QĐ/UBKT", DecidingBody.InspectionCommittee, DisciplineSubject.ProbationaryMember, new(2024, 3, 1), withManifestation: false),
            Decision("5-QĐ/UBKT", DecidingBody.InspectionCommittee, DisciplineSubject.Member, new(2025, 8, 1), withManifestation: true),
            Move("LC-01", totDong, phungChau, PostKind.LeadingManagerial, MoveReason.UnderDirective),
            Move("LC-02", phungChau, lamDien, PostKind.SchoolManager, MoveReason.Planning),
            Task("NV-01", totDong, new(2024, 9, 30), new(2024, 9, 15)),
            Task("NV-02", phungChau, new(2024, 10, 31), null),
            Task("NV-03", lamDien, new(2099, 12, 31), null),
        ]);
    }
}
