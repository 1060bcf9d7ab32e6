using Oversight.Accountability;
using Oversight.Data;
using Oversight.People;

namespace Oversight.Demo;

/// <summary>What the demo's accountability records add up to.</summary>
public sealed record DemoAccountabilityCounts(int Directives, int DisseminationEvents, int Inspections, int FollowUpTasks, int DisciplineDecisions, int PersonnelMoves);

/// <summary>
/// Directives 24-CT/TU and 39-CT/HU in Huyện Chương Mỹ as the inspection of 19 July 2024 reported them: the online
/// conference that reached the 32 communes and towns (99.2% participation), the study completed by every Party
/// organisation under the District Party Committee by the end of September 2023, the Standing Committee's surprise
/// inspection of 10 units and supervision of 1 organisation and 2 members, the discipline of 3 organisations and
/// 4 members by the Standing Committee and of 29 members by the Inspection Committee (3 organisations and 22 members
/// with manifestations of the appendix), the 51 leading cadres rotated (21 under the directive) and the transfers the
/// District People's Committee decided, and the
/// delegation's conclusion of 19 July 2024 with the tasks it set, some done, some overdue.
/// </summary>
/// <remarks>
/// The appendix of manifestations is an illustrative catalogue, marked as such: an administrator enters or imports the
/// real text. Decision numbers and the dates the report does not give are plausible, not real.
/// </remarks>
internal sealed class DemoAccountability(OversightDbContext db, DemoStructure structure, IReadOnlyList<Person> people, IReadOnlyList<Person> delegates, Random random)
{
    /// <summary>The City Party Committee's delegation: its head and its member, with their posts (their names are synthetic).</summary>
    public static IReadOnlyList<(string Code, string Post, bool IsLead)> DelegationPosts { get; } =
    [
        ("CB-01-TU-0001", "Phó Bí thư Thành ủy, Trưởng đoàn", true),
        ("CB-01-TU-0002", "Ủy viên Ban Thường vụ Thành ủy, Phó Chủ tịch Thường trực HĐND Thành phố, Thành viên", false),
    ];

    /// <summary>The people of the delegation, named from their own random draws so that the demo's other draws stay as they were.</summary>
    public static IReadOnlyList<Person> PlanDelegation(Random random)
    {
        var names = new DemoNames(random);
        return DelegationPosts.Select(post => new Person { Code = post.Code, FullName = names.Next(Gender.Male, 1968 + random.Next(8)), Gender = Gender.Male }).ToList();
    }

    public static readonly DateOnly ConferenceDay = new(2023, 8, 21);

    public static readonly DateOnly DisseminationDue = new(2023, 9, 30);

    /// <summary>The period of the personnel figures: August 2023 to July 2024.</summary>
    public static readonly DateOnly MovesFrom = new(2023, 8, 1);

    public static readonly DateOnly MovesTo = new(2024, 7, 31);

    private const int Invited = 1250;
    private const int Absent = 10;
    private const int InspectedUnits = 10;
    private const int StandingCommitteeOrganisations = 3;
    private const int StandingCommitteeMembers = 4;
    private const int InspectionCommitteeMembers = 29;
    private const int DisciplinedMembers = 23;
    private const int MembersWithManifestations = 22;

    private static readonly (string Code, string Text)[] Catalogue =
    [
        ("1", "Về tư tưởng, trách nhiệm (minh họa)"),
        ("1.1", "Né tránh, đùn đẩy, sợ trách nhiệm, không dám làm (minh họa)"),
        ("1.2", "Thiếu gương mẫu trong thực hiện nhiệm vụ (minh họa)"),
        ("2", "Về kỷ luật, kỷ cương hành chính (minh họa)"),
        ("2.1", "Chậm giải quyết công việc, hồ sơ của tổ chức, công dân (minh họa)"),
        ("2.2", "Vi phạm quy định về giờ giấc, lề lối làm việc (minh họa)"),
        ("3", "Về quản lý đất đai, trật tự xây dựng (minh họa)"),
        ("3.1", "Buông lỏng quản lý để xảy ra vi phạm trật tự xây dựng (minh họa)"),
        ("3.2", "Chậm xử lý vi phạm đất đai đã phát hiện (minh họa)"),
    ];

    /// <summary>The delegation's requests of 19 July 2024, due and done (null: still open).</summary>
    /// <summary>What the delegation asked of the district, by when, and when it was done: the conclusion notice's requests and so its tasks.</summary>
    public static readonly (string Text, DateOnly Due, DateOnly? Done)[] Requests =
    [
        ("Làm rõ khó khăn, vướng mắc trong phân cấp, ủy quyền", new(2024, 9, 30), new(2024, 9, 20)),
        ("Rà soát kỹ hơn quy trình luân chuyển cán bộ", new(2024, 10, 31), new(2024, 11, 5)),
        ("Xác định, cụ thể hóa các biểu hiện theo Phụ lục đã phát hiện; giải quyết dứt điểm các vụ việc phức tạp, kéo dài", new(2024, 12, 31), null),
        ("Rà soát các chỉ số đánh giá cải cách hành chính để nâng thứ hạng của huyện", new(2024, 12, 31), null),
        ("Siết chặt kỷ luật, kỷ cương hành chính", new(2024, 10, 31), new(2024, 10, 25)),
    ];

    public DemoAccountabilityCounts Add()
    {
        var district = structure.District.Bodies;
        var partyCommittee = district[DemoBodies.DistrictPartyCommitteeCode];
        var standingCommittee = district["277-HU-BTV"];
        var inspectionCommittee = district["277-HU-UBKT"];
        var communes = structure.Communes.Where(c => c.IsOriginal).ToList();

        var directive = new Directive
        {
            Symbol = "24-CT/TU",
            IssuingBody = "Ban Thường vụ Thành ủy Hà Nội",
            IssuedOn = new(2023, 8, 7),
            Title = "Về tăng cường kỷ luật, kỷ cương, nâng cao hiệu quả thực thi công vụ",
            DisseminationDueOn = DisseminationDue,
            CatalogueIsIllustrative = true,
        };
        var districtDirective = new Directive
        {
            Symbol = "39-CT/HU",
            IssuingUnitId = partyCommittee.Id,
            IssuingBody = "Ban Thường vụ Huyện ủy Chương Mỹ",
            IssuedOn = new(2023, 8, 15),
            Title = "Về thực hiện Chỉ thị 24-CT/TU trên địa bàn huyện",
            CatalogueIsIllustrative = true,
        };
        directive.AppliedWith.Add(new() { DirectiveId = directive.Id, OtherDirectiveId = districtDirective.Id });
        districtDirective.AppliedWith.Add(new() { DirectiveId = districtDirective.Id, OtherDirectiveId = directive.Id });
        directive.Manifestations.AddRange(Catalogue.Select(entry => new Manifestation { DirectiveId = directive.Id, Code = entry.Code, Text = entry.Text }));
        directive.Tasks.Add(new() { DirectiveId = directive.Id, Number = 1, Text = "Quán triệt, học tập Chỉ thị đến toàn thể cán bộ, đảng viên", DueOn = DisseminationDue });
        directive.Tasks.Add(new() { DirectiveId = directive.Id, Number = 2, Text = "Kiểm tra, giám sát việc thực hiện; xử lý nghiêm vi phạm" });
        var items = directive.Manifestations.Where(m => !m.IsGroup).ToList();

        // The conference: every commune's Party committee invited, 10 people absent in all (1,240 of 1,250: 99.2%).
        var conference = new DisseminationEvent
        {
            Reference = "HN-277-2023-01", OrganiserUnitId = partyCommittee.Id, HeldOn = ConferenceDay, Online = true,
            Title = "Hội nghị trực tuyến quán triệt Chỉ thị 24-CT/TU và Chỉ thị 39-CT/HU",
        };
        conference.Directives.Add(new() { EventId = conference.Id, DirectiveId = directive.Id });
        conference.Directives.Add(new() { EventId = conference.Id, DirectiveId = districtDirective.Id });
        for (var i = 0; i < communes.Count; i++)
        {
            var invited = Invited / communes.Count + (i < Invited % communes.Count ? 1 : 0);
            conference.Attendance.Add(new() { EventId = conference.Id, UnitId = communes[i].PartyCommittee.Id, Invited = invited, Attended = invited - (i < Absent ? 1 : 0) });
        }

        // Study completed by every Party organisation under the District Party Committee in September 2023, reaching its members.
        var organisationOf = communes.SelectMany(c => c.Branches.Select(b => (Branch: b.Unit.Id, Organisation: c.PartyCommittee.Id)))
            .Concat(structure.District.Branches.Select(b => (Branch: b.Unit.Id, Organisation: b.Unit.Id)))
            .ToDictionary(p => p.Branch, p => p.Organisation);
        var completions = organisationOf.Values.Distinct().Select(organisation =>
        {
            var completedOn = new DateOnly(2023, 9, 5).AddDays(random.Next(25));
            return new DisseminationCompletion
            {
                DirectiveId = directive.Id,
                UnitId = organisation,
                CompletedOn = completedOn,
                MembersReached = people.Count(p => p.Memberships.Any(m => m.Joined <= completedOn && (m.From ?? m.Joined) <= completedOn && !(m.To < completedOn)
                    && organisationOf.GetValueOrDefault(m.BranchId) == organisation)),
            };
        }).ToList();

        // The Standing Committee's two teams.
        var shuffled = communes.ToArray();
        random.Shuffle(shuffled);
        var surprise = new Inspection
        {
            Reference = "KT-277-2023-01", Kind = InspectionKind.Surprise, DecidingUnitId = standingCommittee.Id, DecisionNumber = "215-QĐ/HU",
            DecidedOn = new(2023, 10, 9), Title = "Kiểm tra đột xuất việc thực hiện Chỉ thị 24-CT/TU và Chỉ thị 39-CT/HU", DirectiveId = directive.Id,
            PeriodFrom = directive.IssuedOn, PeriodTo = new(2023, 9, 30), ConcludedOn = new(2023, 12, 15),
            Conclusion = "Các đơn vị đã quán triệt Chỉ thị; còn chậm giải quyết hồ sơ và buông lỏng quản lý trật tự xây dựng ở một số xã.",
        };
        surprise.Team.Add(new() { InspectionId = surprise.Id, Name = HolderOf("Chủ nhiệm Ủy ban Kiểm tra Huyện ủy"), Role = "Chủ nhiệm Ủy ban Kiểm tra Huyện ủy", IsLead = true });
        surprise.Targets.AddRange(shuffled.Take(InspectedUnits).Select(c => new InspectionTarget { InspectionId = surprise.Id, Kind = TargetKind.PartyOrganisation, UnitId = c.PartyCommittee.Id }));
        foreach (var (target, index) in surprise.Targets.Take(3).Select((t, i) => (t, i)))
        {
            var finding = new Finding { InspectionId = surprise.Id, TargetId = target.Id, Text = "Chậm giải quyết hồ sơ hành chính; chưa xử lý dứt điểm vi phạm trật tự xây dựng." };
            finding.Manifestations.Add(new() { FindingId = finding.Id, ManifestationId = items[index % items.Count].Id });
            surprise.Findings.Add(finding);
        }

        var supervised = shuffled[InspectedUnits];
        var supervisedMembers = people.Where(p => p.Positions.Any(pos => pos.UnitId == supervised.PartyCommittee.Id || pos.UnitId == supervised.PeoplesCommittee.Id)).Take(2).ToList();
        var supervision = new Inspection
        {
            Reference = "GS-277-2023-01", Kind = InspectionKind.Supervision, DecidingUnitId = standingCommittee.Id, DecisionNumber = "221-QĐ/HU",
            DecidedOn = new(2023, 10, 23), Title = "Giám sát chuyên đề việc lãnh đạo thực hiện Chỉ thị 24-CT/TU", DirectiveId = directive.Id,
            ConcludedOn = new(2024, 1, 19), Conclusion = "Tổ chức đảng và đảng viên được giám sát đã lãnh đạo thực hiện Chỉ thị; cần cụ thể hóa trách nhiệm người đứng đầu.",
        };
        supervision.Targets.Add(new() { InspectionId = supervision.Id, Kind = TargetKind.PartyOrganisation, UnitId = supervised.PartyCommittee.Id });
        supervision.Targets.AddRange(supervisedMembers.Select(p => new InspectionTarget { InspectionId = supervision.Id, Kind = TargetKind.PartyMember, PersonId = p.Id }));

        // The City delegation of 19 July 2024 and the requests it made of the district.
        var delegation = new Inspection
        {
            Reference = "KT-01-2024-07", Kind = InspectionKind.Thematic, DecidingUnitId = structure.CityPartyCommittee.Id, DecisionNumber = "1875-QĐ/TU", DecidedOn = new(2024, 7, 1),
            Title = "Kiểm tra việc thực hiện Chỉ thị 24-CT/TU tại Huyện ủy Chương Mỹ", DirectiveId = directive.Id, PeriodFrom = new(2023, 8, 1),
            PeriodTo = new(2024, 6, 30), ConcludedOn = DemoBodies.InspectionDay,
            Conclusion = "Tiếp tục thực hiện Chỉ thị 24-CT/TU gắn với các chỉ thị khác và chuẩn bị đại hội đảng các cấp; rà soát toàn bộ đội ngũ cán bộ; phát huy vai trò giám sát của Hội đồng nhân dân, Mặt trận Tổ quốc và các đoàn thể theo Luật Thực hiện dân chủ ở cơ sở.",
        };
        delegation.Team.AddRange(DelegationPosts.Zip(delegates).Select(p => new TeamMember
        {
            InspectionId = delegation.Id, PersonId = p.Second.Id, Name = p.Second.FullName, Role = p.First.Post, IsLead = p.First.IsLead,
        }));
        delegation.Targets.Add(new() { InspectionId = delegation.Id, Kind = TargetKind.PartyOrganisation, UnitId = partyCommittee.Id });
        var decisions = Decisions(standingCommittee.Id, inspectionCommittee.Id, communes, surprise, items);
        var moves = Moves(standingCommittee.Id, district["277-UBND"].Id, directive);
        db.AddRange(directive, districtDirective, conference, surprise, supervision, delegation);
        db.AddRange(completions);
        db.AddRange(decisions);
        db.AddRange(moves);
        return new(2, 1, 3, Requests.Length, decisions.Count, moves.Count);
    }

    /// <summary>
    /// The district's follow-up of the tasks the conclusion notice set (in the order of <see cref="Requests"/>): a first
    /// progress report in August (returned, to be added), then done by the office of the District Party Committee where it was.
    /// </summary>
    public static IReadOnlyList<TaskProgress> Follow(IReadOnlyList<FollowUpTask> tasks)
    {
        var progress = new List<TaskProgress>();
        foreach (var (task, request) in tasks.Zip(Requests))
        {
            task.Status = request.Done is null ? FollowUpStatus.InProgress : FollowUpStatus.Done;
            task.DoneOn = request.Done;
            task.ClosedBy = request.Done is null ? null : "Văn phòng Huyện ủy";
            progress.Add(new() { TaskId = task.Id, On = new(2024, 8, 15), Note = "Đã giao các cơ quan tham mưu xây dựng kế hoạch thực hiện.", PercentComplete = 30, RecordedBy = "Văn phòng Huyện ủy" });
        }

        return progress;
    }

    private string HolderOf(string title) => people.First(p => p.Positions.Any(pos => pos.Title == title)).FullName;

    /// <summary>
    /// The Standing Committee's decisions on 3 Party branches and 4 members, the Inspection Committee's 29 on 19 more
    /// members and again on 10 of them: 23 members, 22 of whom (and the organisations) showed manifestations of the appendix.
    /// </summary>
    private List<DisciplineDecision> Decisions(Guid standingCommittee, Guid inspectionCommittee, List<DemoCommune> communes, Inspection source, List<Manifestation> items)
    {
        var branches = communes.SelectMany(c => c.Branches).Select(b => b.Unit.Id).ToHashSet();
        var members = people.Where(p => p.Positions.Count == 0 && p.Memberships.Any(m => branches.Contains(m.BranchId))).ToArray();
        random.Shuffle(members);
        var decisions = new List<DisciplineDecision>();
        DisciplineDecision Add(string number, DecidingBody body, Guid decidingUnit, DisciplineSubject subject, Guid? person, Guid unit, bool withManifestation)
        {
            var decidedOn = new DateOnly(2023, 9, 1).AddDays(random.Next(300));
            var decision = new DisciplineDecision
            {
                DecisionNumber = number, Body = body, DecidingUnitId = decidingUnit, Subject = subject, SubjectPersonId = person, SubjectUnitId = unit,
                Form = random.Next(5) == 0 ? DisciplineForm.Warning : DisciplineForm.Reprimand, DecidedOn = decidedOn, ViolationOn = decidedOn.AddDays(-60 - random.Next(300)),
                SourceInspectionId = body == DecidingBody.StandingCommittee ? source.Id : null,
            };
            if (withManifestation)
            {
                decision.Manifestations.Add(new() { DecisionId = decision.Id, ManifestationId = items[random.Next(items.Count)].Id });
            }

            decisions.Add(decision);
            return decision;
        }

        var organisations = communes.SelectMany(c => c.Branches).OrderBy(_ => random.Next()).Take(StandingCommitteeOrganisations).ToList();
        for (var i = 0; i < organisations.Count; i++)
        {
            Add($"{301 + i}-QĐ/HU", DecidingBody.StandingCommittee, standingCommittee, DisciplineSubject.Organisation, null, organisations[i].Unit.Id, withManifestation: true);
        }

        // The Inspection Committee's last decisions fall on members it had disciplined already (a repeated violation).
        for (var i = 0; i < StandingCommitteeMembers + InspectionCommitteeMembers; i++)
        {
            var member = members[i < DisciplinedMembers ? i : StandingCommitteeMembers + i - DisciplinedMembers];
            var standing = i < StandingCommitteeMembers;
            Add(standing ? $"{311 + i}-QĐ/HU" : $"{41 + i}-QĐ/UBKTHU", standing ? DecidingBody.StandingCommittee : DecidingBody.InspectionCommittee,
                standing ? standingCommittee : inspectionCommittee, DisciplineSubject.Member, member.Id, member.Memberships[^1].BranchId, withManifestation: i < MembersWithManifestations);
        }

        return decisions;
    }

    /// <summary>
    /// The moves of August 2023 – July 2024, read from the posts the people changed then: the Standing Committee's
    /// rotations of leading cadres (the Party secretaries' under Directive 24-CT/TU) and the People's Committee's transfers.
    /// </summary>
    private List<PersonnelMove> Moves(Guid standingCommittee, Guid peoplesCommittee, Directive directive)
    {
        var moves = new List<PersonnelMove>();
        foreach (var person in people)
        {
            foreach (var post in person.Positions.Where(p => p.From >= MovesFrom && p.From <= MovesTo))
            {
                if (person.Positions.FirstOrDefault(p => p.To == post.From!.Value.AddDays(-1) && p.Title == post.Title) is not { } previous)
                {
                    continue;
                }

                var kind = post.SensitiveField == SensitiveField.Land ? PostKind.LandConstruction
                    : post.Title == DemoPeople.Principal ? PostKind.SchoolManager
                    : post.Title == DemoPeople.ViceChairman ? PostKind.CommuneViceChairman
                    : post.IsLeadership ? PostKind.LeadingManagerial : PostKind.Other;
                moves.Add(new PersonnelMove
                {
                    Reference = $"DD-277-{post.From:yyyy}-{moves.Count + 1:D3}", PersonId = person.Id, Kind = MoveKind.Transfer, PostKind = kind,
                    FromUnitId = previous.UnitId, FromTitle = previous.Title, ToUnitId = post.UnitId, ToTitle = post.Title, EffectiveOn = post.From!.Value,
                    Reason = post.Title == DemoPeople.Secretary ? MoveReason.UnderDirective
                        : kind == PostKind.LandConstruction ? MoveReason.PeriodicAntiCorruption : MoveReason.Planning,
                    DirectiveId = post.Title == DemoPeople.Secretary ? directive.Id : null,
                    DecidingUnitId = kind == PostKind.LeadingManagerial ? standingCommittee : peoplesCommittee,
                    DecisionNumber = kind == PostKind.LeadingManagerial ? $"{400 + moves.Count}-QĐ/HU" : $"{1200 + moves.Count}/QĐ-UBND",
                });
            }
        }

        return moves;
    }
}
